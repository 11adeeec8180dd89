// The project staff's own questions on a recruitment's application form (a text, a number, a day,
// one of given answers, a declaration to tick; required or not), asked after the standard ESF
// block; and reading a form's answers to them. They are set before anyone applies: once an
// application has been sent they no longer change, as the criteria do not.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { RuleError } from '../../kernel/errors.ts'
import { isUploadedFile } from '../../kernel/forms.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { FileKind, LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'
import type { Problem } from './esf.ts'
import type { FieldKind } from './tables.ts'

/** At most this many questions of its own a recruitment asks. */
export const maxFields = 10
/** The longest answer kept. */
export const maxFieldAnswer = 2000

export function fieldsOf(handle: AnyDb, recruitmentId: string) {
  const db: Db = handle
  return db
    .selectFrom('recruitment_fields')
    .select(['id', 'kind', 'label', 'options', 'required'])
    .where('recruitment_id', '=', recruitmentId)
    .orderBy('position')
    .limit(maxFields)
    .execute()
}
export type OwnField = Awaited<ReturnType<typeof fieldsOf>>[number]

/** A form field's name (and the answers' key) for one of the staff's questions. */
export const ownFieldName = (f: { id: string }) => `own-${f.id}`

/** The recruitment locked, refusing once someone has applied (the questions they answered stay). */
async function lockedBeforeApplications(trx: Db, recruitmentId: string) {
  await trx.selectFrom('recruitments').select('id').where('id', '=', recruitmentId).forUpdate().execute()
  const sent = await trx
    .selectFrom('recruitment_applications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('recruitment_id', '=', recruitmentId)
    .where('state', '<>', 'draft')
    .executeTakeFirstOrThrow()
  if (sent.n > 0) throw new RuleError('recruitment.fields.fixed', 'label')
}

export async function addField(
  db: Db,
  actor: Actor,
  recruitmentId: string,
  f: { kind: FieldKind; label: string; options: string[]; required: boolean },
) {
  await db.transaction().execute(async (trx) => {
    await lockedBeforeApplications(trx, recruitmentId)
    const last = await trx
      .selectFrom('recruitment_fields')
      .select((eb) => [eb.fn.max('position').as('position'), eb.fn.countAll<string>().as('n')])
      .where('recruitment_id', '=', recruitmentId)
      .executeTakeFirstOrThrow()
    if (Number(last.n) >= maxFields)
      throw new RuleError('recruitment.fields.tooMany', 'label', { max: maxFields })
    // A form sends one file (kernel/uploads.ts): one question asks for it.
    if (f.kind === 'file') {
      const files = await trx
        .selectFrom('recruitment_fields')
        .select('id')
        .where('recruitment_id', '=', recruitmentId)
        .where('kind', '=', 'file')
        .executeTakeFirst()
      if (files) throw new RuleError('recruitment.fields.oneFile', 'kind')
    }
    const created = await trx
      .insertInto('recruitment_fields')
      .values({
        recruitment_id: recruitmentId,
        position: (last.position ?? 0) + 1,
        kind: f.kind,
        label: f.label,
        options: f.kind === 'choice' ? f.options : [],
        required: f.required,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'recruitment.field.added',
      subjectType: 'recruitment',
      subjectId: recruitmentId,
      details: { field: created.id },
    })
  })
}

export async function removeField(db: Db, actor: Actor, recruitmentId: string, fieldId: string) {
  await db.transaction().execute(async (trx) => {
    await lockedBeforeApplications(trx, recruitmentId)
    const gone = await trx
      .deleteFrom('recruitment_fields')
      .where('id', '=', fieldId)
      .where('recruitment_id', '=', recruitmentId)
      .returning('id')
      .executeTakeFirst()
    if (!gone) throw new RuleError('errors.choose', 'label')
    await audit(trx, actor, {
      action: 'recruitment.field.removed',
      subjectType: 'recruitment',
      subjectId: recruitmentId,
      details: { field: fieldId },
    })
  })
}

const isDay = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)

/**
 * A form's answers to the staff's questions, kept under their field names, and what is wrong beside
 * each: too long in a draft; sent, a required one left empty, a number or day that is none, an
 * answer not among those given.
 */
export function readOwnAnswers(fields: readonly OwnField[], body: Record<string, unknown>, send: boolean) {
  const answers: Record<string, string> = {}
  const problems: Record<string, Problem> = {}
  for (const f of fields) {
    // A file is kept apart (withFileAnswer).
    if (f.kind === 'file') continue
    const name = ownFieldName(f)
    const raw = body[name]
    const value = (typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : '').trim()
    if (value.length > maxFieldAnswer) {
      problems[name] = { key: 'errors.tooLong', params: { max: maxFieldAnswer } }
      continue
    }
    if (value) answers[name] = f.kind === 'declaration' ? 'yes' : value
    if (!send) continue
    if (!value) {
      if (f.required)
        problems[name] = {
          key:
            f.kind === 'declaration'
              ? 'recruitment.errors.declaration'
              : f.kind === 'choice'
                ? 'errors.choose'
                : 'errors.required',
        }
      continue
    }
    if (f.kind === 'number' && !/^-?\d+([.,]\d+)?$/.test(value))
      problems[name] = { key: 'recruitment.fields.notNumber' }
    if (f.kind === 'date' && !isDay(value)) problems[name] = { key: 'errors.date' }
    if (f.kind === 'choice' && !f.options.includes(value)) problems[name] = { key: 'errors.choose' }
  }
  return { answers, problems }
}

/** What an applicant may attach: documents and scans, 10 MB at most. */
export const answerFileKinds: readonly FileKind[] = ['pdf', 'docx', 'odt', 'jpg', 'png']
export const maxAnswerFileBytes = 10 * 1024 * 1024

/** The files an application attached, by the question they answer. */
export function filesOf(handle: AnyDb, applicationId: string) {
  const db: Db = handle
  return db
    .selectFrom('recruitment_application_files')
    .select(['field_id', 'file_hash', 'kind', 'size_bytes', 'original_name'])
    .where('application_id', '=', applicationId)
    .execute()
}
export type AnswerFile = Awaited<ReturnType<typeof filesOf>>[number]

/**
 * The file answering the recruitment's file question, if it has one: a new one sent is checked and
 * kept (a kind not taken or too large is a problem beside the field, the draft kept), replacing the
 * one kept before; the answer names the file kept. Sent without any, a required question is a
 * problem beside the field.
 */
export async function withFileAnswer(
  trx: Db,
  storage: LocalStorage,
  applicationId: string,
  fields: readonly OwnField[],
  body: Record<string, unknown>,
  send: boolean,
  checked: { answers: Record<string, string>; problems: Record<string, Problem> },
) {
  const question = fields.find((f) => f.kind === 'file')
  if (!question) return
  const name = ownFieldName(question)
  const sent = body[name]
  if (isUploadedFile(sent)) {
    if (sent.truncated) checked.problems[name] = { key: 'storage.tooLarge' }
    else
      try {
        const stored = await storage.put(
          trx,
          { ...sent, name: sent.filename },
          { field: name, allowed: answerFileKinds, maxBytes: maxAnswerFileBytes },
        )
        const row = {
          file_hash: stored.hash,
          kind: stored.kind,
          size_bytes: stored.sizeBytes,
          original_name: sent.filename.slice(0, 255),
          uploaded_at: new Date(),
        }
        await trx
          .insertInto('recruitment_application_files')
          .values({ application_id: applicationId, field_id: question.id, ...row })
          .onConflict((oc) => oc.columns(['application_id', 'field_id']).doUpdateSet(row))
          .execute()
      } catch (err) {
        if (!(err instanceof RuleError)) throw err
        checked.problems[name] = { key: err.key, ...(err.params ? { params: err.params } : {}) }
      }
  }
  const kept = (await filesOf(trx, applicationId)).find((f) => f.field_id === question.id)
  if (kept) checked.answers[name] = kept.original_name
  else if (send && question.required && !checked.problems[name])
    checked.problems[name] = { key: 'storage.fileMissing' }
}
