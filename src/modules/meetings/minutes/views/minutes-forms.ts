// What the minutes' page and its parts share: the forms it holds, and how their fields are named.
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  type FieldErrors,
  type FormValues,
  fieldValue,
  type formFields,
} from '../../../../kernel/views/fields.tsx'
import type { SpaceMay } from '../../../spaces/index.ts'
import type { Space } from '../../../spaces/service.ts'
import type { Meeting } from '../../service.ts'
import type { Minutes, MinutesContent } from '../service.ts'

export type MinutesForm =
  | 'start'
  | 'decision'
  | 'action'
  | 'send'
  | 'comment'
  | 'answer'
  | 'approve'
  | 'correct'

export interface MinutesPageProps {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  minutes: Minutes | null
  content: MinutesContent | null
  ownerChoices: { id: string; name: string }[]
  today: string
  refused?: { form: MinutesForm; values: FormValues; errors: FieldErrors }
}

export type Fields = ReturnType<typeof formFields>
// The page asks the same things in several forms (an agenda item and a title for a decision and for
// an action item, an answer to each comment): those forms name their fields so every id is unique.
// The decision's form, the page's first, keeps the plain ids.
export const fieldsOf = (form: MinutesForm) => (form === 'action' || form === 'comment' ? form : undefined)
export const answerForm = (commentId: string) => `answer-${commentId}`
export const refusedForm = (r: { form: MinutesForm; values: FormValues }) =>
  r.form === 'answer' ? answerForm(fieldValue(r.values, 'commentId')) : fieldsOf(r.form)
