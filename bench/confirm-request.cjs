// autocannon's worker requires this file (a function cannot be handed to a worker): each request
// confirms the next registration of the benchmark's queue (bench/data.ts confirmQueue), from where
// the previous run stopped (BENCH_CONFIRM_FROM, set before each run).
let n = Number(process.env.BENCH_CONFIRM_FROM ?? 0)
module.exports = function setupRequest(request) {
  const token = `bench-confirm-${String(n++).padStart(8, '0')}`
  return { ...request, path: `/events/registrations/${token}/confirm` }
}
