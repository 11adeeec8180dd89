// The organiser's own questions on an event's registration form: a text, a choice of given
// answers, or a consent to tick, each required or not, in the order added; and reading a form's
// answers to them (what is required, a choice among those given), beside the standard questions.
import { audit } from '../../kernel/audit.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import type { QuestionForm } from './schemas.ts'
import type { QuestionKind } from './tables.ts'

/** At most this many questions of its own an event asks. */
export const maxQuestions = 20
/** The longest answer kept. */
export const maxAnswer = 2000

export function questionsOf(db: Db, eventId: string) {
  return db
    .selectFrom('event_questions')
    .select(['id', 'kind', 'label', 'options', 'required'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .limit(maxQuestions)
    .execute()
}
export type Question = Awaited<ReturnType<typeof questionsOf>>[number]

/** A form field's name for a question's answer. */
export const answerField = (q: { id: string }) => `q-${q.id}`

export async function addQuestion(db: Db, actor: Actor, eventId: string, f: QuestionForm) {
  await db.transaction().execute(async (trx) => {
    // The event's row orders the additions (two organisers adding at once get positions in turn).
    await trx
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const last = await trx
      .selectFrom('event_questions')
      .select((eb) => [eb.fn.max('position').as('position'), eb.fn.countAll<string>().as('n')])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow()
    if (Number(last.n) >= maxQuestions) throw new QuestionsFull()
    const created = await trx
      .insertInto('event_questions')
      .values({
        event_id: eventId,
        position: (last.position ?? 0) + 1,
        kind: f.kind,
        label: f.label,
        options: f.kind === 'choice' ? f.options : [],
        required: f.required,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'events.question_added',
      subjectType: 'event',
      subjectId: eventId,
      details: { question: created.id },
    })
  })
}

export class QuestionsFull extends Error {}

export async function removeQuestion(db: Db, actor: Actor, eventId: string, questionId: string) {
  await db.transaction().execute(async (trx) => {
    // Under the event's lock, as registering reads the questions.
    await trx
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const gone = await trx
      .deleteFrom('event_questions')
      .where('id', '=', questionId)
      .where('event_id', '=', eventId)
      .returning('id')
      .executeTakeFirst()
    if (!gone) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'events.question_removed',
      subjectType: 'event',
      subjectId: eventId,
      details: { question: questionId },
    })
  })
}

/** An answer to one of the event's own questions. */
export interface Answer {
  questionId: string
  answer: string
}

/**
 * The answers a registration form gives to the event's own questions, or what is wrong beside each
 * field (a required one left empty, a choice not among those given, an answer too long).
 */
export function readAnswers(
  questions: Question[],
  body: Record<string, unknown>,
  t: (key: NonNullable<ReturnType<typeof answerProblem>>, params: { max: number }) => string,
): { answers: Answer[]; errors: FieldErrors } {
  const answers: Answer[] = []
  const errors: FieldErrors = {}
  for (const q of questions) {
    const name = answerField(q)
    const raw = body[name]
    const value = (Array.isArray(raw) ? String(raw[0] ?? '') : typeof raw === 'string' ? raw : '').trim()
    const problem = answerProblem(q, value)
    if (problem) errors[name] = t(problem, { max: maxAnswer })
    else if (value) answers.push({ questionId: q.id, answer: q.kind === 'consent' ? 'yes' : value })
  }
  return { answers, errors }
}

/** The key of the message beside a question's field, or null when the answer will do. */
export function answerProblem(
  q: { kind: QuestionKind; options: string[]; required: boolean },
  value: string,
): 'errors.required' | 'errors.choose' | 'errors.tooLong' | 'events.errors.consentOwn' | null {
  if (!value)
    return q.required
      ? q.kind === 'consent'
        ? 'events.errors.consentOwn'
        : q.kind === 'choice'
          ? 'errors.choose'
          : 'errors.required'
      : null
  if (value.length > maxAnswer) return 'errors.tooLong'
  if (q.kind === 'choice' && !q.options.includes(value)) return 'errors.choose'
  if (q.kind === 'consent' && value !== 'yes') return 'errors.choose'
  return null
}
