// An applicant's side of a recruitment: asking for the link, the draft saved and the form sent
// (the standard ESF block, the staff's own questions, the gmina from the TERYT register), a paper
// form typed in by the staff, and withdrawing, which passes a participant's place to the reserve.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, formatDate, warsawInstant } from '../../kernel/dates.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Sealer } from '../../kernel/sealed.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import { findGmina } from '../projects/index.ts'
import type { Db } from './db.ts'
import { type Checked, checkApplication } from './esf.ts'
import { fieldsOf, readOwnAnswers, withFileAnswer } from './fields.ts'
import { applicationWindow, linkResendMinutes, mayWithdraw, pointsOf, rank, scoreOf } from './rules.ts'
import {
  applicationColumns,
  type Context,
  conditionsOf,
  findRecruitment,
  keptPesel,
  langOf,
  lockRecruitment,
  mail,
  type Recruitment,
} from './service.ts'

/**
 * Asking for the form: a new draft under the address, its link mailed; an address that has an
 * application in this recruitment already gets a new link to it (the form tells nobody which
 * addresses have applied). Only while applications are taken.
 */
export async function startApplication(db: Db, r: Recruitment, email: string, lang: Lang, c: Context) {
  if (applicationWindow(r, c.today) !== 'open') throw new RuleError('recruitment.errors.closed', 'email')
  const { token, hash } = newToken()
  await db.transaction().execute(async (trx) => {
    const again = await trx
      .selectFrom('recruitment_applications')
      .select(['id', 'state', 'link_sent_at'])
      .where('recruitment_id', '=', r.id)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .where('state', '<>', 'withdrawn')
      .forUpdate()
      .executeTakeFirst()
    // Asked again a moment ago: the link just mailed stands, and nothing more is sent.
    if (again?.link_sent_at && c.now.getTime() - again.link_sent_at.getTime() < linkResendMinutes * 60_000)
      return
    if (again)
      await trx
        .updateTable('recruitment_applications')
        .set({
          token_hash: hash,
          link_sent_at: c.now,
          // A draft asked for again is being worked on: it is not removed as left for a month.
          ...(again.state === 'draft' ? { updated_at: c.now } : {}),
        })
        .where('id', '=', again.id)
        .execute()
    else
      await trx
        .insertInto('recruitment_applications')
        .values({ recruitment_id: r.id, email, lang, token_hash: hash, state: 'draft', link_sent_at: c.now })
        .execute()
    await mail(trx, c, { email, lang }, 'recruitmentLink', r, token, {
      closes: formatDate(new Date(`${r.closes_on}T12:00:00Z`), lang),
    })
  })
}

/** The answers to the staff's own questions join the standard ones, their problems too. */
async function withOwnAnswers(
  trx: Db,
  recruitmentId: string,
  checked: Checked,
  body: Record<string, unknown>,
  send: boolean,
) {
  const fields = await fieldsOf(trx, recruitmentId)
  const own = readOwnAnswers(fields, body, send)
  Object.assign(checked.answers, own.answers)
  Object.assign(checked.problems, own.problems)
  return fields
}

/** The gmina typed, found in the TERYT register when the form is sent: its code and name join the answers. */
async function placeGmina(trx: Db, checked: Checked, send: boolean) {
  const { municipality, voivodeship } = checked.answers
  if (!send || !municipality || !voivodeship || checked.problems.municipality || checked.problems.voivodeship)
    return
  try {
    const unit = await findGmina(trx, municipality, voivodeship, 'municipality')
    if (unit) {
      checked.answers.municipalityCode = unit.code
      checked.answers.municipalityName = unit.label
      checked.answers.gmina = unit.name
      checked.answers.county = unit.county
    }
  } catch (err) {
    if (!(err instanceof RuleError)) throw err
    checked.problems.municipality = { key: err.key, params: err.params as Record<string, string> }
  }
}

export type Saved = { sent: false; problems: Checked['problems'] } | { sent: true }

/**
 * An applicant's save of their form: what they typed is kept as a draft whatever its faults (so
 * nothing is lost), then, when they send it, checked in full. Sent, it waits for the staff's check
 * with the points of the automatic criteria, and a mail says it arrived. Only a draft is saved,
 * and only while applications are taken.
 */
export async function saveApplication(
  db: Db,
  sealer: Sealer,
  storage: LocalStorage,
  token: string,
  body: Record<string, unknown>,
  send: boolean,
  regionName: (code: string) => string,
  c: Context,
): Promise<Saved> {
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('recruitment_applications as a')
      .select(applicationColumns)
      .where('a.token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!a) throw new NotFoundError()
    if (a.state !== 'draft') throw new RuleError('recruitment.errors.alreadySent')
    const r = await findRecruitment(trx, a.recruitment_id, null)
    if (applicationWindow(r, c.today) !== 'open') throw new RuleError('recruitment.errors.closed')
    const checked = checkApplication(body, conditionsOf(r, c.today, regionName), send, keptPesel(sealer, a))
    const fields = await withOwnAnswers(trx, r.id, checked, body, send)
    await withFileAnswer(trx, storage, a.id, fields, body, send, checked)
    await placeGmina(trx, checked, send)
    const ok = send && Object.keys(checked.problems).length === 0
    const points = ok
      ? pointsOf(r.criteria, { answers: checked.answers, birthDate: checked.birthDate, manual: {} }, c.today)
      : {}
    await trx
      .updateTable('recruitment_applications')
      .set({
        given_name: checked.answers.givenName ?? '',
        family_name: checked.answers.familyName ?? '',
        answers: JSON.stringify(checked.answers),
        pesel_sealed: checked.pesel ? sealer.seal(checked.pesel) : null,
        pesel_fingerprint:
          checked.pesel && checked.peselValid ? sealer.fingerprint(checked.pesel, r.id) : null,
        birth_date: checked.birthDate,
        sex: checked.sex,
        voivodeship: checked.answers.voivodeship ?? null,
        group_id: checked.groupId,
        updated_at: c.now,
        ...(ok
          ? {
              state: 'submitted' as const,
              submitted_at: c.now,
              points: JSON.stringify(points),
              score: scoreOf(points),
            }
          : {}),
      })
      .where('id', '=', a.id)
      .execute()
    // A draft keeps what it can and tells only of what it could not keep (text too long, a file
    // not taken); the rest is told when it is sent.
    if (!ok)
      return {
        sent: false,
        problems: send
          ? checked.problems
          : Object.fromEntries(
              Object.entries(checked.problems).filter(
                ([, p]) => p.key === 'errors.tooLong' || p.key.startsWith('storage.'),
              ),
            ),
      }
    await mail(trx, c, a, 'recruitmentSent', r, token)
    return { sent: true }
  })
}

/** What is wrong with a typed form's questions, before the day it came is known. */
export const paperProblems = (
  r: Recruitment,
  body: Record<string, unknown>,
  day: Day,
  regionName: (code: string) => string,
) => checkApplication(body, conditionsOf(r, day, regionName), true).problems

/**
 * A paper application typed in by the staff: checked as a sent form is (age counted on the day it
 * was received, which must fall within the recruitment's days), kept as sent on that day, noted as
 * entered by them; with an address, the applicant is mailed the link to follow it. An address that
 * already has an application here is refused beside the field.
 */
export async function enterPaper(
  db: Db,
  sealer: Sealer,
  actor: Actor,
  r: Recruitment,
  body: Record<string, unknown>,
  paper: { receivedOn: Day; email: string | null; lang: Lang },
  regionName: (code: string) => string,
  c: Context,
): Promise<{ problems: Checked['problems'] } | { id: string }> {
  if (paper.receivedOn < r.opens_on || paper.receivedOn > r.closes_on || paper.receivedOn > c.today)
    throw new RuleError('recruitment.errors.receivedOn', 'receivedOn')
  return db.transaction().execute(async (trx) => {
    if ((await lockRecruitment(trx, r.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', 'receivedOn')
    const checked = checkApplication(body, conditionsOf(r, paper.receivedOn, regionName), true)
    await withOwnAnswers(trx, r.id, checked, body, true)
    await placeGmina(trx, checked, true)
    if (Object.keys(checked.problems).length) return { problems: checked.problems }
    if (paper.email) {
      const taken = await trx
        .selectFrom('recruitment_applications')
        .select('id')
        .where('recruitment_id', '=', r.id)
        .where(sql<string>`lower(email)`, '=', paper.email.toLowerCase())
        .where('state', '<>', 'withdrawn')
        .executeTakeFirst()
      if (taken) throw new RuleError('recruitment.errors.emailTaken', 'email')
    }
    const points = pointsOf(
      r.criteria,
      { answers: checked.answers, birthDate: checked.birthDate, manual: {} },
      paper.receivedOn,
    )
    const { token, hash } = newToken()
    const created = await trx
      .insertInto('recruitment_applications')
      .values({
        recruitment_id: r.id,
        group_id: checked.groupId,
        email: paper.email ?? '',
        lang: paper.lang,
        token_hash: hash,
        state: 'submitted',
        given_name: checked.answers.givenName ?? '',
        family_name: checked.answers.familyName ?? '',
        answers: JSON.stringify(checked.answers),
        pesel_sealed: checked.pesel ? sealer.seal(checked.pesel) : null,
        pesel_fingerprint: checked.pesel ? sealer.fingerprint(checked.pesel, r.id) : null,
        birth_date: checked.birthDate,
        sex: checked.sex,
        voivodeship: checked.answers.voivodeship ?? null,
        points: JSON.stringify(points),
        score: scoreOf(points),
        entered_by: actor.id,
        submitted_at: warsawInstant(paper.receivedOn, '12:00'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'recruitment.application.entered',
      subjectType: 'recruitment_application',
      subjectId: created.id,
    })
    if (paper.email) await mail(trx, c, { email: paper.email, lang: paper.lang }, 'recruitmentSent', r, token)
    return { id: created.id }
  })
}

/**
 * An applicant gives up: before a decision the application leaves the recruitment; a participant's
 * place goes to the first on the group's reserve list, who is told by mail.
 */
export async function withdraw(db: Db, token: string, c: Context) {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('recruitment_applications')
      .select('recruitment_id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst()
    if (!found) throw new NotFoundError()
    await lockRecruitment(trx, found.recruitment_id)
    const a = await trx
      .selectFrom('recruitment_applications as a')
      .select(applicationColumns)
      .where('a.token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!a) throw new NotFoundError()
    if (!mayWithdraw(a.state)) return false
    await trx
      .updateTable('recruitment_applications')
      .set({ state: 'withdrawn', updated_at: c.now })
      .where('id', '=', a.id)
      .execute()
    const r = await findRecruitment(trx, a.recruitment_id, null)
    await mail(trx, c, a, 'recruitmentWithdrawn', r, token)
    if (a.state === 'accepted' && a.group_id) await promoteReserve(trx, r, a.group_id, c)
    return true
  })
}

/** A place freed in a group goes to the first of its reserve list (by the ranking), told by mail with a new link. */
async function promoteReserve(trx: Db, r: Recruitment, groupId: string, c: Context) {
  const reserve = await trx
    .selectFrom('recruitment_applications')
    .select(['id', 'score', 'submitted_at', 'birth_date', 'email', 'lang', 'support_starts_on'])
    .where('recruitment_id', '=', r.id)
    .where('group_id', '=', groupId)
    .where('state', '=', 'reserve')
    .execute()
  const [first] = rank(
    reserve.map((x) => ({ ...x, submitted_at: x.submitted_at ?? c.now })),
    r.tie_break,
  )
  if (!first) return
  const { token, hash } = newToken()
  const starts = await trx
    .selectFrom('recruitment_applications')
    .select(sql<string | null>`max(support_starts_on)`.as('day'))
    .where('recruitment_id', '=', r.id)
    .executeTakeFirst()
  const day = starts?.day && starts.day > c.today ? starts.day : c.today
  await trx
    .updateTable('recruitment_applications')
    .set({
      state: 'accepted',
      decided_at: c.now,
      token_hash: hash,
      support_starts_on: day,
      updated_at: c.now,
    })
    .where('id', '=', first.id)
    .where('state', '=', 'reserve')
    .execute()
  await mail(trx, c, first, 'recruitmentAccepted', r, token, {
    starts: formatDate(new Date(`${day}T12:00:00Z`), langOf(first.lang)),
  })
}
