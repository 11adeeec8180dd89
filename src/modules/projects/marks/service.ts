// The official files of the funds' marks. The administrator gives a PNG for a slot (a programme's
// own mark, a funding period's Polish colours or EU emblem); the public pages and the poster then
// draw it in place of the placeholder, at the strip's one height and in the rules' order, so the
// order and the rule that no mark is larger than the EU emblem are kept by the drawing, not by
// whoever uploads. A file is checked first: a PNG (read from its bytes), at most 1 MB, tall enough
// to print sharp on the A3 poster, and shaped like a mark.
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { crc32, inflate } from 'node:zlib'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { UploadedFile } from '../../../kernel/forms.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { LocalStorage } from '../../../kernel/storage.ts'
import type { Db } from '../db.ts'
import { type FundingPeriod, fundingPeriods } from '../tables.ts'
import { type MarkFile, markSlot } from '../views/logo-strip.tsx'

const inflated = promisify(inflate)

/** What a mark's file must be: these many pixels high at least (a strip 3 cm high on A3 at 150 dpi) and at most. */
export const markRules = { minHeight: 180, maxSide: 2400, maxBytes: 1024 * 1024, widest: 8, tallest: 2 }

/** The PNG's size from its header (the IHDR chunk: width and height right after the signature). */
export function pngSize(head: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a'
  if (head.length < 24 || head.subarray(0, 8).toString('hex') !== signature) return null
  if (head.subarray(12, 16).toString('latin1') !== 'IHDR') return null
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
}

/**
 * Whether a PNG is whole: its chunks in order with their checksums, from the header to the end, and
 * its image data inflating (on the thread pool, not the event loop). A file cut short or damaged
 * would otherwise break every poster that draws it.
 */
export async function pngIsWhole(bytes: Buffer): Promise<boolean> {
  if (!pngSize(bytes)) return false
  const data: Buffer[] = []
  let at = 8
  let ended = false
  while (at + 12 <= bytes.length && !ended) {
    const length = bytes.readUInt32BE(at)
    const end = at + 12 + length
    if (end > bytes.length) return false
    const type = bytes.subarray(at + 4, at + 8).toString('latin1')
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return false
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length))
    ended = type === 'IEND'
    at = end
  }
  if (!ended || data.length === 0) return false
  try {
    return (await inflated(Buffer.concat(data))).length > 0
  } catch {
    return false
  }
}

/** Why a mark of this size would not do, as the key of the message beside the field; none when it would. */
export function markSizeProblem(size: { width: number; height: number }) {
  if (size.height < markRules.minHeight) return 'projects.marks.tooSmall'
  if (size.width > markRules.maxSide || size.height > markRules.maxSide) return 'projects.marks.tooLarge'
  if (size.width > size.height * markRules.widest || size.height > size.width * markRules.tallest)
    return 'projects.marks.proportions'
  return null
}

/** Every slot, by funding period: the programmes of the taxonomy, then the period's Polish colours and EU emblem. */
export async function markSlots(db: Db) {
  const programmes = await db
    .selectFrom('project_programmes')
    .select(['id', 'code', 'name_pl', 'name_en', 'period'])
    .where('level', '=', 'programme')
    .orderBy('position')
    .execute()
  return fundingPeriods.map((period) => ({
    period,
    slots: [
      ...programmes
        .filter((m) => m.period === period)
        .map((m) => ({ slot: markSlot.programme(m.id), kind: 'programme' as const, name: m.code })),
      ...(period === '2014-2020' || period === '2021-2027'
        ? [{ slot: markSlot.poland(period), kind: 'poland' as const, name: '' }]
        : []),
      { slot: markSlot.eu(period), kind: 'eu' as const, name: '' },
    ],
  }))
}

/** The files given, by slot (all of them: a few dozen at most). */
export async function markFiles(db: Db) {
  const rows = await db
    .selectFrom('project_mark_files')
    .select(['id', 'slot', 'file_hash', 'width', 'height', 'uploaded_at'])
    .limit(500)
    .execute()
  return new Map(rows.map((r) => [r.slot, r]))
}

/** The files of one project's strip (its programme's mark and its period's two). */
export async function stripFiles(db: Db, project: { programme_node_id: string; period: FundingPeriod }) {
  const rows = await db
    .selectFrom('project_mark_files')
    .select(['slot', 'file_hash', 'width', 'height'])
    .where('slot', 'in', [
      markSlot.programme(project.programme_node_id),
      markSlot.poland(project.period),
      markSlot.eu(project.period),
    ])
    .execute()
  return new Map<string, MarkFile>(rows.map((r) => [r.slot, r]))
}

/** Gives a slot its official file (a new one replaces the last), checked first and audited. */
export async function saveMark(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  slot: string,
  file: UploadedFile,
) {
  const known = (await markSlots(db)).some((p) => p.slots.some((s) => s.slot === slot))
  if (!known) throw new RuleError('errors.choose', 'slot')
  if (file.size > markRules.maxBytes) throw new RuleError('projects.marks.heavy', 'file')
  const bytes = await readFile(file.path)
  const size = pngSize(bytes)
  if (!size) throw new RuleError('projects.marks.notPng', 'file')
  const problem = markSizeProblem(size)
  if (problem) throw new RuleError(problem, 'file')
  if (!(await pngIsWhole(bytes))) throw new RuleError('projects.marks.broken', 'file')
  const stored = await storage.put(
    db,
    { ...file, name: file.filename },
    { field: 'file', allowed: ['png'], maxBytes: markRules.maxBytes },
  )
  const given = {
    file_hash: stored.hash,
    width: size.width,
    height: size.height,
    uploaded_by: actor.id,
    uploaded_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('project_mark_files')
      .values({ slot, ...given })
      .onConflict((oc) => oc.column('slot').doUpdateSet(given))
      .execute()
    await audit(trx, actor, {
      action: 'projects.mark-given',
      subjectType: 'project_mark',
      details: { slot, hash: stored.hash, width: size.width, height: size.height },
    })
  })
}

/** Takes a slot's file away: the placeholder is drawn again. */
export async function removeMark(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('project_mark_files')
      .where('id', '=', id)
      .returning('slot')
      .executeTakeFirst()
    if (!gone) throw new RuleError('errors.choose', 'rowId')
    await audit(trx, actor, {
      action: 'projects.mark-removed',
      subjectType: 'project_mark',
      details: { slot: gone.slot },
    })
  })
}

/** Whether a file is an official mark (the public site sends only those). */
export async function isMarkFile(db: Db, hash: string) {
  return Boolean(
    await db.selectFrom('project_mark_files').select('id').where('file_hash', '=', hash).executeTakeFirst(),
  )
}
