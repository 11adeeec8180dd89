import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  BotTrap,
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { answerField, type Question } from '../questions.ts'
import type { Event } from '../service.ts'
import { accessNeeds } from '../tables.ts'
import { eventWhen } from './parts.tsx'

/**
 * Registering for an event: a name and an address (a signed-in person's own address from their
 * account), the standard access and dietary questions (the organiser's alone), and consent.
 * The `website` field is hidden from people and only bots fill it.
 */
export function RegisterPage(p: {
  ctx: ViewContext
  event: Event
  /** The organiser's own questions, after the standard ones. */
  questions: Question[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang, actor } = p.ctx
  const e = p.event
  const f = formFields(p.ctx, p.values ?? { name: actor?.name ?? '' }, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('events.signUp.title', { event: e.title, ...unescaped })}
      errors={p.errors}
      section="events"
      back={{ href: `/events/${e.id}`, label: e.title }}
    >
      <p class="govuk-body" safe>
        {eventWhen(e, lang)}
      </p>
      <PostForm ctx={p.ctx} action={`/events/${e.id}/register`}>
        {f.text('name', { label: t('events.signUp.name'), autocomplete: 'name', maxlength: 200 })}
        {actor ? (
          <p class="govuk-body">{t('events.signUp.signedInAs', { email: actor.email })}</p>
        ) : (
          f.text('email', {
            label: t('events.signUp.email'),
            hint: t('events.signUp.emailHint'),
            type: 'email',
            autocomplete: 'email',
            spellcheck: false,
          })
        )}
        {f.text('organisation', {
          label: t('events.signUp.organisation'),
          hint: t('events.signUp.organisationHint'),
          autocomplete: 'organization',
          maxlength: 200,
        })}
        {f.checkboxes('accessNeeds', {
          label: t('events.signUp.accessNeeds'),
          hint: t('events.signUp.accessHint'),
          options: accessNeeds.map((n) => ({ value: n, label: t(`events.signUp.needs.${n}`) })),
        })}
        {f.textarea('accessNote', { label: t('events.signUp.accessNote'), rows: 2 })}
        {f.text('diet', {
          label: t('events.signUp.diet'),
          hint: t('events.signUp.dietHint'),
          maxlength: 500,
        })}
        {p.questions.map((q) => {
          // The organiser's words, in the event's language; an optional one says so.
          const label = q.required ? q.label : `${q.label} ${t('events.questions.optional')}`
          const name = answerField(q)
          if (q.kind === 'choice')
            return f.radios(name, { label, options: q.options.map((o) => ({ value: o, label: o })) })
          if (q.kind === 'consent')
            return f.checkboxes(name, {
              label: q.required
                ? t('events.questions.consent')
                : `${t('events.questions.consent')} ${t('events.questions.optional')}`,
              options: [{ value: 'yes', label: q.label }],
            })
          return f.text(name, { label, maxlength: 2000 })
        })}
        {f.checkboxes('consent', {
          label: t('events.signUp.consentLegend'),
          options: [{ value: 'yes', label: t('events.signUp.consent') }],
        })}
        <BotTrap id="event-website" label={t('events.signUp.website')} />
        <Button>{t('events.signUp.send')}</Button>
      </PostForm>
    </FormPage>
  )
}

/** After a registration without an account: the link is on its way. */
export function CheckMailPage(p: { ctx: ViewContext; event: Event }) {
  const { t } = p.ctx
  return (
    <FormPage
      ctx={p.ctx}
      title={t('events.signUp.checkMail')}
      section="events"
      back={{ href: `/events/${p.event.id}`, label: p.event.title }}
    >
      <p class="govuk-body">{t('events.signUp.checkMailText')}</p>
    </FormPage>
  )
}
