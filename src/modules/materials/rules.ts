// Pure rules of materials: how files are named when they leave Siatka, and their order.
import { type MaterialLanguage, materialLanguages } from './tables.ts'

/** A meeting holds at most this many materials, and a file at most this many versions in one language. */
export const maxMaterialsPerMeeting = 100
export const maxVersions = 50

/** Language versions in the module's order: Polish, English, then the rest. */
export function byLanguage<F extends { language: MaterialLanguage }>(files: F[]): F[] {
  return [...files].sort(
    (a, b) => materialLanguages.indexOf(a.language) - materialLanguages.indexOf(b.language),
  )
}

/**
 * A title as part of a file name on any system: no path separators, no characters Windows refuses,
 * no control characters, no leading dots (a hidden file, "..") or trailing dots and spaces; letters
 * of every language are kept.
 */
export function fileNamePart(title: string, max = 100): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const cut = Array.from(cleaned)
    .slice(0, max)
    .join('')
    .replace(/[\s.]+$/, '')
  return cut || 'material'
}

/** "Plan pracy (pl).pdf"; an earlier version says which: "Plan pracy (pl, v1).pdf". */
export function downloadName(p: { title: string; language: string; kind: string; version?: number }): string {
  const tag = p.version ? `${p.language}, v${p.version}` : p.language
  return `${fileNamePart(p.title)} (${tag}).${p.kind}`
}

/**
 * The names inside a meeting's zip: the agenda item's number (00 for the whole meeting), the title,
 * the language and the kind: "02 Plan pracy (pl).pdf". Two that would be equal get " 2", " 3"…
 */
export function zipEntryNames(
  entries: { itemNumber: number | null; title: string; language: string; kind: string }[],
): string[] {
  const taken = new Set<string>()
  return entries.map((e) => {
    const prefix = String(e.itemNumber ?? 0).padStart(2, '0')
    const stem = `${prefix} ${fileNamePart(e.title)} (${e.language})`
    let name = `${stem}.${e.kind}`
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} ${n}.${e.kind}`
    taken.add(name.toLowerCase())
    return name
  })
}
