// What bench/run.ts and bench/layers.ts share: the baseline server, autocannon runs, cookies.
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { Session } from 'node:inspector/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'

export interface Run {
  rps: number
  /** Milliseconds; autocannon's latency histogram has 1 ms resolution. */
  p99: number
  p50: number
  p975: number
  mean: number
  requests: number
  bad: number
  /** Event-loop utilisation of the main thread (where the servers run) during the run. */
  elu: number
  /** CPU time of the whole process (servers, load generator, GC) per second of the run. */
  cpu: number
  /** Milliseconds the main thread (where the servers run) was busy, per request answered. */
  busyMsPerRequest: number
  /** Statements the app's database ran per request answered (0 for the baseline). */
  statementsPerRequest: number
}

export interface RunOptions {
  seconds: number
  warmupSeconds: number
  connections: number
  headers?: Record<string, string>
  /** A directory: write a CPU profile of the main thread during the measured run there. */
  profileDir?: string
  /** The app's statement count so far (kernel/db.ts), to count statements per request. */
  statements?: () => number
  /**
   * A form posted instead of a GET: its body, the module autocannon's worker requires to set each
   * request's path (a file: a function cannot cross to a worker), and what to run before a run and
   * after it with the requests sent. The answer is a redirect (303), not counted as an error.
   */
  post?: { body: string; setupRequest: string; before(): void; after(sent: number): void }
}

/**
 * One autocannon run. The load generator runs in a worker thread (workers: 1) so it does not
 * share the servers' event loop; on loopback only.
 */
export async function cannon(url: string, duration: number, o: RunOptions): Promise<Run> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`not a loopback address: ${url}`)
  const elu = performance.eventLoopUtilization()
  const cpu = process.cpuUsage()
  const statements = o.statements?.() ?? 0
  o.post?.before()
  const r = await autocannon({
    url,
    connections: o.connections,
    duration,
    headers: o.headers ?? {},
    workers: 1,
    ...(o.post
      ? {
          method: 'POST' as const,
          body: o.post.body,
          requests: [{ method: 'POST' as const, body: o.post.body, setupRequest: o.post.setupRequest }],
        }
      : {}),
  })
  o.post?.after(r.requests.sent)
  const used = process.cpuUsage(cpu)
  const loop = performance.eventLoopUtilization(elu)
  const answered = Math.max(r.requests.total, 1)
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    mean: r.latency.average,
    requests: r.requests.total,
    bad: r.errors + r.timeouts + (o.post ? r.non2xx - (r['3xx'] ?? 0) : r.non2xx),
    elu: loop.utilization,
    cpu: (used.user + used.system) / 1e6 / r.duration,
    busyMsPerRequest: loop.active / answered,
    statementsPerRequest: ((o.statements?.() ?? 0) - statements) / answered,
  }
}

/** A warm-up run (not counted), then the measured run; prints one line. */
export async function measure(label: string, url: string, o: RunOptions): Promise<Run> {
  await cannon(url, o.warmupSeconds, o)
  const measured = () => cannon(url, o.seconds, o)
  const run = await (o.profileDir ? profiled(label, o.profileDir, measured) : measured())
  const bad = run.bad ? `  !! ${run.bad} errors/timeouts/non-2xx` : ''
  console.error(
    `  ${label.padEnd(24)} ${fmt(run.rps, 0).padStart(7)} req/s  p50 ${fmt(run.p50, 0).padStart(4)}  p97.5 ${fmt(run.p975, 0).padStart(4)}  p99 ${fmt(run.p99, 0).padStart(4)} ms  ` +
      `main thread busy ${fmt(run.elu * 100, 0).padStart(3)}%  ${fmt(run.busyMsPerRequest, 3)} ms/req  ` +
      `${fmt(run.statementsPerRequest, 1)} stmt/req  process CPU ${fmt(run.cpu, 2)} cores${bad}`,
  )
  return run
}

/** A CPU profile of the main thread while fn runs (sampling every 100 µs). */
async function profiled<R>(label: string, dir: string, fn: () => Promise<R>): Promise<R> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  try {
    return await fn()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    const file = join(dir, `${label.replace(/\W+/g, '-')}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    console.error(`  profile: ${file}`)
    session.disconnect()
  }
}

export interface FixedPage {
  path: string
  body: Buffer
  contentType: string
}

/** The baseline: a bare node:http server answering each path with fixed bytes and content type. */
export async function startBaseline(pages: FixedPage[]): Promise<{ server: Server; url: string }> {
  const byPath = new Map(pages.map((p) => [p.path, p]))
  const server = createServer((req, res) => {
    // A form posted: the answer the app gives it, a redirect to the same address without /confirm.
    if (req.method === 'POST') {
      req.resume()
      req.on('end', () => res.writeHead(303, { location: (req.url ?? '').replace(/\/confirm$/, '') }).end())
      return
    }
    const page = byPath.get(req.url ?? '')
    if (!page) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': page.contentType, 'content-length': page.body.length })
    res.end(page.body)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

// --- cookies, as a browser keeps them ---------------------------------------------------------

export type Jar = Map<string, string>

export function remember(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    const expired = value === '' || /max-age=0(;|$)/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)
    if (expired) jar.delete(name)
    else jar.set(name, value)
  }
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

// --- figures --------------------------------------------------------------------------------

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export const fmt = (n: number, digits: number) => n.toFixed(digits)
