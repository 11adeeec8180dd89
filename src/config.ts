import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  BASE_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Siatka <no-reply@siatka.localhost>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SIATKA_DEMO: z.enum(['0', '1']).optional(),
  TRUST_PROXY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  port: number
  host: string
  databaseUrl?: string
  dataDir: string
  baseUrl: string
  smtpUrl?: string
  mailFrom: string
  sessionSecret: string
  /**
   * The key personal data is encrypted under at rest (kernel/sealed.ts: an applicant's PESEL). Kept
   * apart from the session secret, so a new session secret does not lose the data; lose this and
   * the data it sealed cannot be read.
   */
  dataKey: string
  /** Load demo data into an empty database: always on the embedded one, on PostgreSQL only with SIATKA_DEMO=1. */
  loadDemo: boolean
  logLevel: string
  /** Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): 'loopback', addresses or CIDRs, true/false. */
  trustProxy: string | boolean
  secureCookies: boolean
  /**
   * Requests allowed per window (password reset links, invitations); failed sign-ins allowed per
   * account and per network address before each next try waits (accounts/sign-in-limits.ts). Tests
   * raise them; tests check they bite.
   */
  rateLimits: {
    signInPerAccount: number
    signInPerAddress: number
    passwordReset: number
    invitation: number
    windowMs: number
  }
}

export class ConfigError extends Error {}

/** Reads the environment once. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Siatka cannot start, the configuration is wrong:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const dataDir = resolve(e.DATA_DIR)
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    baseUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET ?? keptSecret(dataDir, 'session-secret'),
    dataKey: e.DATA_KEY ?? keptSecret(dataDir, 'data-key'),
    // The demo accounts share a published password: never on PostgreSQL or a public (https)
    // installation unless asked for.
    loadDemo:
      e.DATABASE_URL || baseUrl.startsWith('https://') ? e.SIATKA_DEMO === '1' : e.SIATKA_DEMO !== '0',
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secureCookies: baseUrl.startsWith('https://'),
    rateLimits: {
      signInPerAccount: 5,
      signInPerAddress: 30,
      passwordReset: 5,
      invitation: 30,
      windowMs: 15 * 60_000,
    },
  }
}

function parseTrustProxy(raw: string | undefined): string | boolean {
  if (!raw) return 'loopback'
  return raw === 'true' || raw === 'false' ? raw === 'true' : raw
}

// Generated on first start and kept, so sessions, signed cookies and sealed data survive a restart.
function keptSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name)
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('hex')
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim() // another process wrote it first
    }
  }
}
