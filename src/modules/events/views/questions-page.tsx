import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { Question } from '../questions.ts'
import type { Event } from '../service.ts'
import { questionKinds } from '../tables.ts'

/**
 * The organiser's own questions on an event's registration form: those asked, in order, each with
 * its kind, answers to choose from and whether it is required, removed with a button; and the form
 * adding one.
 */
export function QuestionsPage(p: {
  ctx: ViewContext
  event: Event
  questions: Question[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const e = p.event
  const f = formFields(p.ctx, p.values ?? { kind: 'text' }, p.errors)
  const base = `/events/${e.id}/questions`
  return (
    <FormPage
      ctx={p.ctx}
      title={t('events.questions.title', { event: e.title, ...unescaped })}
      errors={p.errors}
      section="events"
      back={{ href: `/events/${e.id}`, label: e.title }}
    >
      <p class="govuk-body">{t('events.questions.intro')}</p>
      {p.questions.length === 0 ? (
        <p class="govuk-body">{t('events.questions.none')}</p>
      ) : (
        <ol class="govuk-list govuk-list--number">
          {p.questions.map((q) => (
            <li>
              <span class="govuk-!-font-weight-bold" lang={e.lang} safe>
                {q.label}
              </span>
              <span class="govuk-body-s siatka-check-in__detail">
                {t(`events.questions.kinds.${q.kind}`)}
                {q.required ? ` · ${t('events.questions.requiredTag')}` : ''}
              </span>
              {q.options.length ? (
                <span class="govuk-body-s siatka-check-in__detail" lang={e.lang} safe>
                  {q.options.join(' · ')}
                </span>
              ) : (
                ''
              )}
              <PostForm ctx={p.ctx} action={`${base}/${q.id}/remove`}>
                <Button variant="warning">
                  {t('events.questions.remove')}
                  <span class="govuk-visually-hidden" safe>{`: ${q.label}`}</span>
                </Button>
              </PostForm>
            </li>
          ))}
        </ol>
      )}
      <h2 class="govuk-heading-m">{t('events.questions.add')}</h2>
      <PostForm ctx={p.ctx} action={base}>
        {f.radios('kind', {
          label: t('events.questions.kind'),
          options: questionKinds.map((k) => ({ value: k, label: t(`events.questions.kinds.${k}`) })),
        })}
        {f.text('label', { label: t('events.questions.label'), maxlength: 300 })}
        {f.textarea('options', {
          label: t('events.questions.options'),
          hint: t('events.questions.optionsHint'),
          rows: 4,
        })}
        {f.checkboxes('required', {
          label: t('events.questions.required'),
          options: [{ value: 'yes', label: t('events.questions.requiredOption') }],
        })}
        <Button>{t('events.questions.add')}</Button>
      </PostForm>
    </FormPage>
  )
}
