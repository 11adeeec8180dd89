// The community demo's topics and posts, and when they were written: days before today, at a working
// hour (Warsaw).

export interface DemoPost {
  by: string
  /** Days before today, and the hour (Warsaw) it was written. */
  ago: number
  hour: number
  body: string
}

export interface DemoTopic {
  title: string
  lang: 'pl' | 'en'
  question: boolean
  /** Which post (index, from 1) the asker accepted. */
  accepted?: number
  posts: DemoPost[]
}

/** A moment `ago` days before today on a working day, at about `hour` Warsaw time (taken as UTC+1), never in the future. */
export function momentOf(ago: number, hour: number) {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() - ago)
  // Posts are written on working days: a Saturday moves to Friday, a Sunday to Monday.
  const day = d.getUTCDay()
  if (day === 6) d.setUTCDate(d.getUTCDate() - 1)
  if (day === 0) d.setUTCDate(d.getUTCDate() + 1)
  d.setUTCHours(hour - 1, 17, 0, 0)
  // Never in the future (a Sunday moved to a Monday that is today).
  return d.getTime() < Date.now() ? d : new Date(Date.now() - 60_000)
}

/**
 * The moments of a topic's posts, in their order: a post moved off a weekend never lands before
 * the one it answers (it comes a few minutes after it instead).
 */
export function momentsOf(posts: readonly DemoPost[]): Date[] {
  const moments: Date[] = []
  for (const p of posts) {
    const at = momentOf(p.ago, p.hour)
    const before = moments.at(-1)
    moments.push(before && at <= before ? new Date(before.getTime() + 7 * 60_000) : at)
  }
  return moments
}
