import { existsSync, readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'

// The main thread's time on a processor (ns), which Linux keeps per thread; elsewhere the whole
// process's, which also counts the garbage collector's and libuv's threads.
const schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`
const mainThreadNs = existsSync(schedstat)
  ? () => Number(readFileSync(schedstat, 'utf8').split(' ')[0])
  : () => {
      const { user, system } = process.cpuUsage()
      return (user + system) * 1000
    }

/**
 * A probe of the event loop: a timer every 5 ms notes how late it comes. A late timer means the loop
 * was busy, or the process was waiting for a processor: on this machine, shared with other test runs,
 * an idle process was seen 60–220 ms late. So each delay also counts only the time the main thread
 * ran meanwhile: what blocking code costs, whatever the machine's load.
 *
 * Less the garbage collector's pauses in that time: V8 collects on helper threads, and when other
 * processes keep the processors busy those threads wait and the main thread does the work itself
 * (a 20,000-row XLSX export: 17 ms alone, 107 ms beside three busy processes, with pauses up to
 * 134 ms). That is the runtime's cost on a loaded machine, not a stretch of code that keeps other
 * requests waiting; `gcMs` reports the longest pause seen.
 */
export function probeEventLoop() {
  let last = performance.now()
  let lastRun = mainThreadNs()
  const ticks: { from: number; to: number; wallMs: number; runMs: number }[] = []
  const pauses: { from: number; to: number }[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ from: e.startTime, to: e.startTime + e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  const timer = setInterval(() => {
    const now = performance.now()
    const run = mainThreadNs()
    ticks.push({ from: last, to: now, wallMs: now - last - 5, runMs: (run - lastRun) / 1e6 })
    last = now
    lastRun = run
  }, 5)
  return {
    stop() {
      clearInterval(timer)
      for (const e of observer.takeRecords()) pauses.push({ from: e.startTime, to: e.startTime + e.duration })
      observer.disconnect()
      const longest = { wallMs: 0, busyMs: 0, gcMs: 0 }
      for (const p of pauses) longest.gcMs = Math.max(longest.gcMs, p.to - p.from)
      for (const t of ticks) {
        const gc = pauses.reduce(
          (sum, p) => sum + Math.max(0, Math.min(t.to, p.to) - Math.max(t.from, p.from)),
          0,
        )
        longest.wallMs = Math.max(longest.wallMs, t.wallMs)
        longest.busyMs = Math.max(longest.busyMs, Math.max(0, Math.min(t.wallMs, t.runMs) - gc))
      }
      return longest
    },
  }
}
