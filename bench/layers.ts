// node --import tsx bench/layers.ts [--seconds N] [--rounds N] [--profile DIR]
//
// Where the home page's time goes: the same bytes served by a stack of servers that add one
// layer at a time, from a bare node:http server to the app itself. Each row's "main-thread µs
// per request" is the main thread's busy time (event-loop utilisation × duration) divided by
// the requests served; the difference between rows is what that layer costs. Measure several
// rounds on a busy machine: each row shows its best round.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { fastifyOptions } from '../src/app.ts'
import { registerKernel } from '../src/kernel/http.tsx'
import { findSession } from '../src/modules/accounts/service.ts'
import { countUnread } from '../src/modules/notifications/service.ts'
import { enterSpace } from '../src/modules/spaces/index.ts'
import { benchLogLevel, startBenchApp } from './app.ts'
import { fmt, measure, type Run, type RunOptions, startBaseline } from './lib.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '1' },
    profile: { type: 'string' },
  },
})
const run: RunOptions = {
  seconds: Number(args.seconds),
  warmupSeconds: 2,
  connections: 10,
  profileDir: args.profile,
}
const rounds = Math.max(1, Number.parseInt(args.rounds, 10) || 1)

const appOptions = (logLevel: string) => fastifyOptions({ logLevel, trustProxy: 'loopback' })

async function listen(app: FastifyInstance) {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

async function main() {
  const bench = await startBenchApp()
  const home = await fetch(`${bench.url}/`)
  const body = await home.text()
  const contentType = home.headers.get('content-type') ?? ''
  const publicDir = join(import.meta.dirname, '..', 'public')
  const constant = { config: { permission: 'public' as const } }
  const send = async (_req: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
    reply.type(contentType).send(body)

  const layers: { name: string; url: string }[] = []
  const add = async (name: string, build: () => Promise<FastifyInstance>) => {
    layers.push({ name, url: await listen(await build()) })
  }

  const baseline = await startBaseline([{ path: '/', body: Buffer.from(body), contentType }])
  layers.push({ name: 'node:http, same bytes', url: baseline.url })
  await add('fastify, no logger', async () => {
    const app = Fastify()
    app.get('/', send)
    return app
  })
  await add("+ the app's Fastify options (pino)", async () => {
    const app = Fastify(appOptions(benchLogLevel))
    app.get('/', send)
    return app
  })
  await add('+ @fastify/cookie', async () => {
    const app = Fastify(appOptions(benchLogLevel))
    await app.register(cookie, { secret: bench.config.sessionSecret })
    app.get('/', send)
    return app
  })
  await add('+ formbody, csrf, rate-limit, static', async () => {
    const app = Fastify(appOptions(benchLogLevel))
    await app.register(cookie, { secret: bench.config.sessionSecret })
    await app.register(formbody)
    await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: 'siatka_csrf' })
    await app.register(rateLimit, { global: false })
    await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', index: false })
    app.get('/', send)
    return app
  })
  await add('registerKernel (+ its hooks)', async () => {
    const app = Fastify(appOptions(benchLogLevel))
    await registerKernel(app, {
      config: bench.config,
      db: bench.database.db,
      findSession,
      countUnread,
      enterSpace,
      nav: [],
    })
    app.get('/', constant, send)
    return app
  })
  layers.push({ name: 'the app: GET / rendered', url: bench.url })
  for (const layer of layers) {
    const res = await fetch(`${layer.url}/`)
    if ((await res.text()) !== body) console.log(`!! ${layer.name}: not the same body as the app's home page`)
  }

  console.log(
    `Home page (${Buffer.byteLength(body)} bytes) through each layer: node ${process.version}, LOG_LEVEL=${benchLogLevel}, ` +
      `${run.connections} connections, ${run.warmupSeconds} s warm-up + ${run.seconds} s, ${rounds} round(s)\n`,
  )
  const runs = new Map<string, Run[]>(layers.map((l) => [l.name, []]))
  for (let r = 0; r < rounds; r++) {
    for (const layer of layers) runs.get(layer.name)!.push(await measure(layer.name, `${layer.url}/`, run))
  }

  // Other processes only ever slow a run down: of several rounds, each row shows its best one.
  console.log('\n| layer | req/s | p99 ms | main-thread µs/request | Δ µs |')
  console.log('|---|--:|--:|--:|--:|')
  const perRequest = (x: Run) => (x.elu * 1e6) / x.rps
  let previous: number | undefined
  for (const layer of layers) {
    const best = runs.get(layer.name)!.reduce((a, b) => (perRequest(b) < perRequest(a) ? b : a))
    const us = perRequest(best)
    const delta = previous === undefined ? '' : `${us - previous >= 0 ? '+' : ''}${fmt(us - previous, 0)}`
    console.log(`| ${layer.name} | ${fmt(best.rps, 0)} | ${fmt(best.p99, 0)} | ${fmt(us, 0)} | ${delta} |`)
    previous = us
  }
  baseline.server.close()
  await bench.close()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
