// Rules of study visits, as pure functions (visit-rules.test.ts).

export interface VisitHost {
  host_name: string
  host_region: string
  host_town: string
}

type Problem = { key: string; field?: string } | null

/** A study visit goes to someone: the host is required for one, and means nothing for a meeting. */
export function hostProblem(kind: string, hostName: string): Problem {
  return kind === 'study_visit' && !hostName ? { key: 'visits.errors.hostRequired', field: 'hostName' } : null
}

/** The host changed when whom or where did: for the update notice, like a change of place. */
export function sameHost(a: Partial<VisitHost>, b: Partial<VisitHost>): boolean {
  return (
    (a.host_name ?? '') === (b.host_name ?? '') &&
    (a.host_region ?? '') === (b.host_region ?? '') &&
    (a.host_town ?? '') === (b.host_town ?? '')
  )
}

/** One entry of a visit's programme on the Warsaw clock; `day` counts days after the visit's first. */
export interface ProgrammeSlot {
  from: string
  to: string
  day: number
  toDay: number
}

const clock = (minutes: number) => {
  const inDay = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`
}

/**
 * The programme's clock times: each entry starts when the one before it ends, from the visit's
 * start (`HH:MM`), for its planned minutes. Counted on the wall clock, so a programme running past
 * midnight goes on into the next day (`day`) rather than stopping at the visit's end.
 */
export function programmeSlots(startTime: string, minutes: readonly number[]): ProgrammeSlot[] {
  const [h, m] = startTime.split(':').map(Number)
  let at = h * 60 + m
  return minutes.map((length) => {
    const from = at
    at += Math.max(0, length)
    return { from: clock(from), to: clock(at), day: Math.floor(from / 1440), toDay: Math.floor(at / 1440) }
  })
}

/** "10:00–10:45"; an entry of no planned length is a moment: "10:45". */
export function slotLabel(s: ProgrammeSlot): string {
  return s.from === s.to && s.day === s.toDay ? s.from : `${s.from}–${s.to}`
}

/** How many minutes the programme runs past the visit's end (0 when it fits). */
export function overrunMinutes(startsAt: Date, endsAt: Date, totalMinutes: number): number {
  const planned = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000)
  return Math.max(0, totalMinutes - planned)
}

/**
 * Places on a visit: members who come, the deputies sent and outside participants all take one.
 * An outside participant over the places is refused; with no number set there is no limit.
 */
export function placesProblem(capacity: number | null, taken: number, adding = 1): Problem {
  return capacity !== null && taken + adding > capacity ? { key: 'visits.errors.full', field: 'name' } : null
}

/** The places cannot be set below those already taken: someone would have to be told to stay home. */
export function capacityProblem(capacity: number | null, taken: number): Problem {
  return capacity !== null && capacity < taken
    ? { key: 'visits.errors.capacityBelowTaken', field: 'capacity' }
    : null
}

/** Outside participants are registered and removed until the visit ends, unless it was cancelled. */
export function participantsProblem(m: { status: string; ends_at: Date }, now: Date): Problem {
  if (m.status === 'cancelled') return { key: 'visits.errors.cancelled' }
  if (now.getTime() >= m.ends_at.getTime()) return { key: 'visits.errors.over' }
  return null
}

/** The report is written after the visit: not before its end, and not for a visit that did not happen. */
export function reportProblem(m: { status: string; ends_at: Date }, now: Date): Problem {
  if (m.status === 'cancelled') return { key: 'visits.errors.cancelled' }
  if (now.getTime() < m.ends_at.getTime()) return { key: 'visits.errors.reportBeforeEnd' }
  return null
}

/** A published report reaches the public only when it says so and its space has public pages. */
export function isReportPublic(
  spaceIsPublic: boolean,
  report: { visibility: string; published_at: Date | null } | null | undefined,
): boolean {
  return spaceIsPublic && !!report?.published_at && report.visibility === 'public'
}
