// npm run bench [-- --quick] [-- --rounds N] [-- --only home,sign-in,people]
//
// Throughput and p99 latency of a few pages of the app, each against a baseline: a bare
// node:http server in the same process answering with exactly the same bytes and content type.
// Both servers listen on 127.0.0.1; autocannon drives them from one worker thread, so the load
// generator does not share the servers' event loop. Baseline and app runs alternate, page by page.
// With DATABASE_URL set the app runs on a fresh database on that PostgreSQL server.
// Benchmarks are not tests: this exits 0 whether or not the goals are met.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { cookieNames } from '../src/kernel/http.tsx'
import { demoPassword } from '../test/support/client.ts'
import { benchLogLevel, startBenchApp } from './app.ts'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
})

const seconds = args.quick ? 2 : 10
const warmupSeconds = args.quick ? 1 : 2
const connections = 10
const rounds = Math.max(1, Number.parseInt(args.rounds, 10) || 1)
const coordinator = 'koordynator@demo.siatka.test'
const goal = { page: 'home', minThroughputRatio: 0.5, maxP99Ratio: 3 }

interface Page {
  name: string
  path: string
  /** Sent with every request (the signed-in person's cookies). */
  headers: Record<string, string>
  body: Buffer
  contentType: string
  setCookies: string[]
}

interface Run {
  rps: number
  p99: number
  mean: number
  requests: number
  bad: number
}

// --- cookies, as a browser keeps them ---------------------------------------------------------

type Jar = Map<string, string>

function remember(jar: Jar, res: Response): string[] {
  const set = res.headers.getSetCookie()
  for (const line of set) {
    const [pair] = line.split(';')
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    const expired = value === '' || /max-age=0(;|$)/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)
    if (expired) jar.delete(name)
    else jar.set(name, value)
  }
  return set.map((line) => line.split('=')[0])
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

async function fetchPage(base: string, name: string, path: string, jar?: Jar): Promise<Page> {
  const headers: Record<string, string> = jar ? { cookie: cookieHeader(jar) } : {}
  const res = await fetch(base + path, { headers, redirect: 'manual' })
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}, expected 200`)
  const body = Buffer.from(await res.arrayBuffer())
  const setCookies = res.headers.getSetCookie().map((line) => line.split('=')[0])
  return { name, path, headers, body, contentType: res.headers.get('content-type') ?? '', setCookies }
}

/** Signs in through the form, as a browser does: GET /sign-in for the CSRF cookie and token, then POST. */
async function signIn(base: string, email: string): Promise<Jar> {
  const jar: Jar = new Map()
  const form = await fetch(`${base}/sign-in`, { redirect: 'manual' })
  remember(jar, form)
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('no CSRF token on /sign-in')
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: demoPassword, _csrf: token }).toString(),
  })
  await res.arrayBuffer()
  remember(jar, res)
  if (res.status !== 303 || !jar.has(cookieNames.session)) {
    throw new Error(`could not sign in as ${email}: ${res.status}`)
  }
  return jar
}

// --- the baseline ---------------------------------------------------------------------------

async function startBaseline(pages: Page[]): Promise<{ server: Server; url: string }> {
  const byPath = new Map(pages.map((p) => [p.path, p]))
  const server = createServer((req, res) => {
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

// --- measuring ------------------------------------------------------------------------------

async function cannon(url: string, duration: number, headers: Record<string, string>): Promise<Run> {
  const r = await autocannon({ url, connections, duration, headers, workers: 1 })
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    mean: r.latency.average,
    requests: r.requests.total,
    bad: r.errors + r.timeouts + r.non2xx,
  }
}

async function measure(label: string, url: string, headers: Record<string, string>): Promise<Run> {
  await cannon(url, warmupSeconds, headers)
  const run = await cannon(url, seconds, headers)
  const bad = run.bad ? `  !! ${run.bad} errors/timeouts/non-2xx` : ''
  console.error(
    `  ${label.padEnd(22)} ${fmt(run.rps, 0).padStart(7)} req/s  p99 ${fmt(run.p99, 1).padStart(6)} ms${bad}`,
  )
  return run
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const fmt = (n: number, digits: number) => n.toFixed(digits)

// --- main -----------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  const bench = await startBenchApp()
  const db = bench.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite in memory'
  console.log(
    `Siatka benchmark: node ${process.version}, ${availableParallelism()} CPUs, ${db}, LOG_LEVEL=${benchLogLevel}`,
  )
  console.log(
    `autocannon: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per run, ` +
      `${rounds} round(s), baseline and app alternating\n`,
  )

  const jar = await signIn(bench.url, coordinator)
  let pages = [
    await fetchPage(bench.url, 'home', '/'),
    await fetchPage(bench.url, 'sign-in', '/sign-in'),
    await fetchPage(bench.url, 'people', '/people', jar),
  ]
  if (args.only) {
    const only = args.only.split(',')
    pages = pages.filter((p) => only.includes(p.name))
  }
  const baseline = await startBaseline(pages)

  console.log('Pages (cookies the app sets in answer to the benchmark request):')
  for (const p of pages) {
    const sent = p.headers.cookie ? ` [sends cookies: ${[...jar.keys()].join(', ')}]` : ''
    const set = p.setCookies.length ? p.setCookies.join(', ') : 'none'
    console.log(`  ${p.name.padEnd(8)} GET ${p.path.padEnd(9)} ${p.body.length} bytes, sets: ${set}${sent}`)
  }
  console.log()

  const results: { page: Page; base: Run[]; app: Run[] }[] = []
  for (const page of pages) {
    const entry = { page, base: [] as Run[], app: [] as Run[] }
    for (let r = 0; r < rounds; r++) {
      entry.base.push(await measure(`${page.name} baseline`, baseline.url + page.path, page.headers))
      entry.app.push(await measure(`${page.name} app`, bench.url + page.path, page.headers))
    }
    results.push(entry)
  }

  const header =
    '| page | baseline req/s | app req/s | throughput ratio | baseline p99 ms | app p99 ms | p99 ratio |'
  console.log(`\n${header}`)
  console.log('|---|--:|--:|--:|--:|--:|--:|')
  const ratios = new Map<string, { throughput: number; p99: number }>()
  for (const { page, base, app } of results) {
    const b = { rps: median(base.map((x) => x.rps)), p99: median(base.map((x) => x.p99)) }
    const a = { rps: median(app.map((x) => x.rps)), p99: median(app.map((x) => x.p99)) }
    const ratio = { throughput: a.rps / b.rps, p99: a.p99 / b.p99 }
    ratios.set(page.name, ratio)
    console.log(
      `| ${page.name} \`${page.path}\` | ${fmt(b.rps, 0)} | ${fmt(a.rps, 0)} | ${fmt(ratio.throughput, 2)} | ` +
        `${fmt(b.p99, 1)} | ${fmt(a.p99, 1)} | ${fmt(ratio.p99, 2)} |`,
    )
  }
  const bad = results.flatMap((r) => [...r.base, ...r.app]).reduce((n, r) => n + r.bad, 0)
  if (bad) console.log(`\n!! ${bad} requests failed (errors, timeouts or non-2xx): figures are suspect`)

  const home = ratios.get(goal.page)
  if (home) {
    const t = home.throughput >= goal.minThroughputRatio
    const p = home.p99 <= goal.maxP99Ratio
    console.log(`\nGoal for the ${goal.page} page:`)
    console.log(
      `  throughput ratio ${fmt(home.throughput, 2)} >= ${goal.minThroughputRatio}: ${t ? 'MET' : 'NOT MET'}`,
    )
    console.log(`  p99 ratio        ${fmt(home.p99, 2)} <= ${goal.maxP99Ratio}: ${p ? 'MET' : 'NOT MET'}`)
    console.log(`  => ${t && p ? 'GOAL MET' : 'GOAL NOT MET'}`)
  }
  console.log(`\n(${Math.round((Date.now() - started) / 1000)} s)`)

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
