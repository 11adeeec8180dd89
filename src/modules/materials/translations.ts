// Translations of materials (issue 5, seed 000: "zapewnienie tłumaczenia niezbędnych materiałów"):
// the secretariat asks a translator, with or without an account, to translate one of a material's
// files by a day; the translator works through a private link, and the delivered file becomes the
// material's version in that language.
import { type AuditWho, audit } from '../../kernel/audit.ts'
import { safeDay, today } from '../../kernel/dates.ts'
import { NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { UploadedFile } from '../../kernel/forms.ts'
import { translateKey, translator } from '../../kernel/i18n.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { Page } from '../../kernel/pagination.ts'
import { type Actor, servicesEverySpace } from '../../kernel/policy.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import * as accounts from '../accounts/service.ts'
import { notify } from '../notifications/service.ts'
import { nameOf } from '../spaces/service.ts'
import type { Db } from './db.ts'
import { insertNextVersion, type Material, storeMaterialFile, withVersionRetry } from './service.ts'
import * as q from './translation-queries.ts'
import { isOpen, requestProblem } from './translation-rules.ts'
import type { TranslationForm, TranslationsQuery } from './translation-schemas.ts'

export type TranslationRequest = q.RequestRow

const spaceName = (r: { name_pl: string; name_en: string }, lang: 'pl' | 'en') => nameOf(r, lang)

/**
 * Asks a translator for a translation of one of the material's current files. The private link is
 * in the mail only (the database keeps its hash); an account holder is also notified.
 */
export async function requestTranslation(
  db: Db,
  actor: Actor,
  material: Material,
  space: { name_pl: string; name_en: string },
  input: TranslationForm,
  baseUrl: string,
): Promise<void> {
  const languages = [...new Set(material.files.map((f) => f.language))]
  const problem = requestProblem(input, languages, today())
  if (problem) throw new RuleError(problem.key, problem.field)
  // Files come newest version first in each language: the first is the current one.
  const source = material.files.find((f) => f.language === input.sourceLanguage)!
  const person = await accounts.findPersonByEmail(db, input.translatorEmail)
  if (person && !person.is_active) throw new RuleError('translations.errors.inactive', 'translatorEmail')
  if (!person && !input.translatorName)
    throw new RuleError('translations.errors.unknownPerson', 'translatorEmail')
  if (await q.hasOpenRequest(db, material.id, input.targetLanguage))
    throw new RuleError('translations.errors.alreadyOpen', 'targetLanguage')

  const lang = person?.lang ?? input.translatorLang
  const { token, hash } = newToken()
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('translation_requests')
        .values({
          material_id: material.id,
          source_file_id: source.id,
          source_language: input.sourceLanguage,
          target_language: input.targetLanguage,
          deadline: input.deadline,
          translator_id: person?.id ?? null,
          outside_name: person ? null : input.translatorName,
          outside_email: person ? null : input.translatorEmail,
          translator_lang: lang,
          token_hash: hash,
          requested_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'translations.requested',
        subjectType: 'material',
        subjectId: material.id,
        details: {
          requestId: row.id,
          from: input.sourceLanguage,
          to: input.targetLanguage,
          deadline: input.deadline,
          translatorId: person?.id ?? null,
          translatorEmail: person ? null : input.translatorEmail,
        },
      })
      const t = translator(lang)
      await sendMail(trx, {
        to: person?.email ?? input.translatorEmail,
        ...renderMail(
          lang,
          'translationRequest',
          {
            name: person?.name ?? input.translatorName ?? '',
            requester: actor.name,
            title: material.title,
            space: spaceName(space, lang),
            from: translateKey(t, `materials.languages.${input.sourceLanguage}`),
            to: translateKey(t, `materials.languages.${input.targetLanguage}`),
            deadline: safeDay(input.deadline, lang),
          },
          `${baseUrl}/translations/${token}`,
        ),
      })
      // The notification keeps no link to the private page: only the mail holds the token.
      if (person)
        await notify(trx, [person.id], {
          kind: 'translationRequested',
          params: {
            title: material.title,
            languageKey: `materials.languages.${input.targetLanguage}`,
            deadlineDay: input.deadline,
          },
          link: '/notifications',
        })
    })
  } catch (err) {
    // The same language asked for twice at once: the partial unique key lets one through.
    if (sqlState(err) === '23505') throw new RuleError('translations.errors.alreadyOpen', 'targetLanguage')
    throw err
  }
}

/** The request behind a private link; an unknown, malformed or cancelled one does not exist. */
export async function requireByToken(db: Db, token: string): Promise<TranslationRequest> {
  const r = await q.findRequestByTokenHash(db, hashToken(token))
  if (!r || r.status === 'cancelled') throw new NotFoundError()
  return r
}

const translatorOf = (r: TranslationRequest, ip: string | null): AuditWho => ({
  id: r.translator_id,
  email: r.translator_email,
  ip,
})

/** "Rozpoczynam pracę": the secretariat sees the translation is in progress. */
export async function startTranslation(db: Db, token: string, ip: string | null): Promise<void> {
  const r = await requireByToken(db, token)
  if (r.status === 'delivered') throw new RuleError('translations.errors.alreadyDelivered')
  if (r.status !== 'requested') return
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockRequest(trx, r.id)
    if (locked.status !== 'requested') return
    await trx
      .updateTable('translation_requests')
      .set({ status: 'in_progress', started_at: new Date() })
      .where('id', '=', r.id)
      .execute()
    await audit(trx, translatorOf(r, ip), {
      action: 'translations.started',
      subjectType: 'material',
      subjectId: r.material_id,
      details: { requestId: r.id },
    })
  })
}

/**
 * The translated file through the private link: the material's next version in the target language
 * (through the materials service, so versions stay numbered one way), and the secretary is told.
 * Once delivered, the link takes no further file: a correction goes through the secretariat.
 */
export async function deliverTranslation(
  db: Db,
  storage: LocalStorage,
  token: string,
  file: UploadedFile,
  ip: string | null,
): Promise<void> {
  const r = await requireByToken(db, token)
  if (r.status === 'delivered') throw new RuleError('translations.errors.alreadyDelivered', 'file')
  const stored = await storeMaterialFile(db, storage, file)
  await withVersionRetry(() =>
    db.transaction().execute(async (trx) => {
      const locked = await q.lockRequest(trx, r.id)
      if (locked.status === 'cancelled') throw new NotFoundError()
      if (!isOpen(locked.status)) throw new RuleError('translations.errors.alreadyDelivered', 'file')
      const who = translatorOf(r, ip)
      const added = await insertNextVersion(trx, who, {
        materialId: r.material_id,
        language: r.target_language,
        stored,
        originalName: file.filename,
        uploadedBy: r.translator_id ?? r.requested_by,
        uploadedByOutside: r.translator_id ? null : r.outside_name,
      })
      await trx
        .updateTable('translation_requests')
        .set({ status: 'delivered', delivered_at: new Date(), delivered_file_id: added.id })
        .where('id', '=', r.id)
        .execute()
      await audit(trx, who, {
        action: 'translations.delivered',
        subjectType: 'material',
        subjectId: r.material_id,
        details: { requestId: r.id, language: r.target_language, version: added.version, hash: stored.hash },
      })
      await notify(trx, [r.requested_by], {
        kind: 'translationDelivered',
        params: {
          title: r.title,
          languageKey: `materials.languages.${r.target_language}`,
          translator: r.translator_name ?? '',
        },
        link: `/spaces/${r.space_id}/materials/${r.material_id}`,
      })
    }),
  )
}

/** The secretary withdraws an open request: its private link stops working. */
export async function cancelTranslation(
  db: Db,
  actor: Actor,
  material: { id: string },
  requestId: string,
): Promise<void> {
  const r = await q.findRequest(db, requestId)
  if (!r || r.material_id !== material.id) throw new NotFoundError()
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockRequest(trx, r.id)
    if (!isOpen(locked.status)) throw new RuleError('translations.errors.notOpen')
    await trx
      .updateTable('translation_requests')
      .set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: actor.id })
      .where('id', '=', r.id)
      .execute()
    await audit(trx, actor, {
      action: 'translations.cancelled',
      subjectType: 'material',
      subjectId: r.material_id,
      details: { requestId: r.id, language: r.target_language },
    })
  })
}

export const listMaterialRequests = q.listMaterialRequests

/** The secretariat's list; a network secretary sees the requests of the spaces they service. */
export function listTranslations(db: Db, actor: Actor, query: TranslationsQuery, page: Page) {
  const scope = { secretaryId: servicesEverySpace(actor) ? null : actor.id }
  return q.listRequests(db, scope, query, today(), page)
}
