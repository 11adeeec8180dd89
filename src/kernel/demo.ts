import type { Kysely } from 'kysely'
import PDFDocument from 'pdfkit'
import { addDays, type Day, today } from './dates.ts'
import type { Database } from './db.ts'
import { workingDayFrom } from './holidays.ts'
import type { SiatkaModule } from './module.ts'
import type { Sealer } from './sealed.ts'
import type { LocalStorage } from './storage.ts'

/**
 * Loads every module's demo data into an empty database (no people yet), in the order the modules
 * are listed, in one transaction. With `storage`, demo files (meeting materials, an accepted
 * analysis) are kept too; tests and the bench go without.
 */
export async function loadDemoData(
  db: Kysely<Database>,
  modules: readonly SiatkaModule[],
  sealer: Sealer,
  storage?: LocalStorage,
): Promise<boolean> {
  const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst()
  if (anyone) return false
  await db.transaction().execute(async (trx) => {
    for (const m of modules) await m.demo?.(trx, storage, sealer)
  })
  return true
}

/**
 * The demo's calendar, from today, shared by the modules whose demo data must agree: the meetings
 * module holds its meetings and visits on these days, the spaces module's schedules name the same
 * days. Each is a working day (moved on past a weekend or a public holiday).
 */
export function demoDays(day: Day = today()) {
  return {
    pastMeeting: workingDayFrom(addDays(day, -58)),
    pastVisit: workingDayFrom(addDays(day, -30)),
    nextMeeting: workingDayFrom(addDays(day, 20)),
    nextVisit: workingDayFrom(addDays(day, 46)),
  }
}

/** Surnames as a man and a woman bear them (the -ski/-ska kind differ; Nowak is both), for every module's demo people. */
export const demoSurnames: readonly (readonly [man: string, woman: string])[] = [
  ['Nowak', 'Nowak'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Kowalczyk', 'Kowalczyk'],
  ['Zieliński', 'Zielińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Wójcik', 'Wójcik'],
  ['Kamiński', 'Kamińska'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Pawlak', 'Pawlak'],
  ['Michalski', 'Michalska'],
]

/** A small PDF with a title and a paragraph, for demo materials. */
export function demoPdf(title: string, text: string, lang: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', lang, info: { Title: title, Author: 'Siatka (demo)' } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  // The standard fonts have no Polish letters: the demo texts keep to ASCII.
  doc.fontSize(18).text(title).moveDown().fontSize(11).text(text)
  doc.end()
  return done
}
