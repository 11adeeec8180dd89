import { existsSync, readFileSync } from 'node:fs'

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
 */
export function probeEventLoop() {
  let last = performance.now()
  let lastRun = mainThreadNs()
  const longest = { wallMs: 0, busyMs: 0 }
  const timer = setInterval(() => {
    const now = performance.now()
    const run = mainThreadNs()
    const wallMs = now - last - 5
    longest.wallMs = Math.max(longest.wallMs, wallMs)
    longest.busyMs = Math.max(longest.busyMs, Math.min(wallMs, (run - lastRun) / 1e6))
    last = now
    lastRun = run
  }, 5)
  return {
    stop() {
      clearInterval(timer)
      return longest
    },
  }
}
