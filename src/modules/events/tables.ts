import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../../kernel/tables.ts'

export const eventKinds = ['conference', 'workshop', 'panel', 'study_visit', 'training', 'webinar'] as const
export type EventKind = (typeof eventKinds)[number]

/** An event the public registers for, organised by the secretariat or a space. */
export interface EventsTable {
  id: Generated<string>
  kind: EventKind
  title: string
  /** Markdown. */
  description: Generated<string>
  /** The language it is held in: 'pl' or 'en'. */
  lang: string
  /** The space that organises it (null with no project either: the secretariat). */
  space_id: string | null
  /** The project that organises it: its staff run the event, its logo strip heads the documents. */
  project_id: string | null
  /** The voivodeship it is for (TERYT code, '24'); null: the whole country, or online. */
  voivodeship: ColumnType<string | null, string | null | undefined, string | null>
  /** The theme it is about (one of the projects' themes). */
  theme_id: ColumnType<string | null, string | null | undefined, string | null>
  starts_at: Date
  ends_at: Date
  /** Where it is held ('' for an event online only). */
  venue: Generated<string>
  /** How to get in: step-free access, a hearing loop, parking. */
  venue_access: Generated<string>
  online_url: string | null
  capacity: number
  /** Each registration waits for the organiser's approval before it gets a place. */
  approval: Generated<boolean>
  /** When the organiser sent the evaluation survey to those who came (once). */
  survey_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  registration_opens_at: Date
  registration_closes_at: Date
  created_by: string
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export const registrationStates = [
  'unconfirmed',
  /** Confirmed, waiting for the organiser's approval (an event that asks for it): no place held. */
  'pending',
  'confirmed',
  'waiting',
  'offered',
  /** Not accepted by the organiser. */
  'declined',
  'cancelled',
  'expired',
] as const
export type RegistrationState = (typeof registrationStates)[number]

/** The standard accessibility questions, asked of everyone and shown to the organiser alone. */
export const accessNeeds = ['pjm', 'large_print', 'step_free', 'induction_loop', 'assistant'] as const
export type AccessNeed = (typeof accessNeeds)[number]

/** A person's registration for an event: a place, a place on the waiting list, or one given up. */
export interface EventRegistrationsTable {
  id: Generated<string>
  event_id: string
  /** A signed-in person's own; null for someone without an account. */
  person_id: string | null
  name: string
  email: string
  state: RegistrationState
  access_needs: ColumnType<string[], string[] | undefined, string[]>
  access_note: Generated<string>
  diet: Generated<string>
  /** The hash of the private link in the person's mails. */
  token_hash: string
  /** The language of the person's mails. */
  lang: string
  created_at: CreatedAt
  /** When the address was confirmed (the waiting list's order). */
  confirmed_at: Date | null
  /** A place offered from the waiting list is held until then. */
  offer_expires_at: Date | null
  cancelled_at: Date | null
  /** The person's organisation, for the list to sign (optional). */
  organisation: Generated<string>
  /** When the person was checked in on the day (null: not seen). */
  attended_at: Date | null
  checked_in_by: string | null
  /** The certificate of attendance's public verification code, once issued. */
  certificate_code: string | null
  certificate_issued_at: Date | null
  /** When the reminder before the event was sent. */
  reminded_at: Date | null
  /** Who approved or declined it, and when (an event asking for approval). */
  decided_by: ColumnType<string | null, string | null | undefined, string | null>
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** When the evaluation survey was mailed to the person, and when they answered it. */
  survey_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  surveyed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export const questionKinds = ['text', 'choice', 'consent'] as const
export type QuestionKind = (typeof questionKinds)[number]

/** A question of the organiser's own on the registration form. */
export interface EventQuestionsTable {
  id: Generated<string>
  event_id: string
  position: number
  kind: QuestionKind
  label: string
  /** The answers to choose from (a choice only). */
  options: ColumnType<string[], string[] | undefined, string[]>
  required: Generated<boolean>
  created_at: CreatedAt
}

/** A registration's answer to one question (a consent ticked: 'yes'). */
export interface EventAnswersTable {
  registration_id: string
  question_id: string
  answer: string
}

/** A session of an event's programme; one with places of its own is chosen by those holding a place. */
export interface EventSessionsTable {
  id: Generated<string>
  event_id: string
  title: string
  starts_at: Date
  ends_at: Date
  room: Generated<string>
  description: Generated<string>
  /** Each speaker as a line: name, and where they come from. */
  speakers: ColumnType<string[], string[] | undefined, string[]>
  /** Places of its own (null: open to everyone at the event). */
  capacity: number | null
  created_at: CreatedAt
}

/** A session chosen by a registration (counted while the registration holds a place). */
export interface EventSessionChoicesTable {
  session_id: string
  registration_id: string
}

/** A document of an event to download (the programme, presentations). */
export interface EventDocumentsTable {
  id: Generated<string>
  event_id: string
  title: string
  file_hash: string
  kind: string
  size_bytes: number
  original_name: string
  uploaded_by: string
  uploaded_at: CreatedAt
}

/** The questions of the evaluation survey answered on a scale of 1 to 5. */
export const surveyScales = ['overall', 'content', 'speakers', 'organisation'] as const
export type SurveyScale = (typeof surveyScales)[number]

/** One answer to an event's evaluation survey, kept without who gave it. */
export interface EventSurveyResponsesTable {
  id: Generated<string>
  event_id: string
  overall: number
  content: number
  speakers: number
  organisation: number
  recommend: boolean
  comment: Generated<string>
  lang: string
  created_at: CreatedAt
}

export interface EventsTables {
  events: EventsTable
  event_registrations: EventRegistrationsTable
  event_questions: EventQuestionsTable
  event_answers: EventAnswersTable
  event_sessions: EventSessionsTable
  event_session_choices: EventSessionChoicesTable
  event_documents: EventDocumentsTable
  event_survey_responses: EventSurveyResponsesTable
}

declare module '../../kernel/db.ts' {
  interface Database extends EventsTables {}
}
