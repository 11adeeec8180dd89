// What changed between two versions of an article, word by word. jsdiff's Myers algorithm is
// O(ND): two long, very different texts could hold the event loop, so words get a time limit,
// then whole lines do, and past both the page says the versions are too different to compare.
import { diffLines, diffWords } from 'diff'

export interface Change {
  text: string
  kind: 'same' | 'added' | 'removed'
}

/** At most this long (ms) for each way of comparing. */
const timeLimit = 25

/** The changes from `before` to `after`, or null when they are too different to compare in time. */
export function changesBetween(before: string, after: string): Change[] | null {
  const changes =
    diffWords(before, after, { timeout: timeLimit }) ?? diffLines(before, after, { timeout: timeLimit })
  if (!changes) return null
  return changes.map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }))
}
