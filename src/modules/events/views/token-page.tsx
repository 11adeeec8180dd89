import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, type FieldErrors, type FormValues, PostForm } from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { RegistrationByToken } from '../registrations.ts'
import type { Session } from '../sessions.ts'
import { eventWhen } from './parts.tsx'
import { Programme, SessionChoice } from './programme.tsx'
import { SurveyQuestions } from './survey-page.tsx'

/** The sessions ticked on a form sent back refused (kept as typed). */
const typedSessions = (values: FormValues | undefined) => {
  const v = values?.sessions
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []
}

/**
 * A registration as the private link in its mails shows it: its state, and what its holder may do
 * (confirm the address, take a place offered, give it up). The link is the whole authority.
 */
export function TokenPage(p: {
  ctx: ViewContext
  token: string
  registration: RegistrationByToken
  /** The event's programme, and the sessions this registration chose. */
  sessions: Session[]
  chosen: string[]
  /** Where the evaluation survey stands for this registration; what was typed into it, refused. */
  survey: 'open' | 'answered' | 'none'
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const r = p.registration
  const base = `/events/registrations/${p.token}`
  const live = r.state !== 'cancelled' && r.state !== 'expired' && r.state !== 'declined'
  const started = r.starts_at <= new Date()
  return (
    <FormPage
      ctx={p.ctx}
      title={t('events.token.title', { event: r.title, ...unescaped })}
      errors={p.errors}
      section="events"
      back={{ href: `/events/${r.event_id}`, label: r.title }}
    >
      <p class="govuk-body" safe>
        {eventWhen(r, lang)}
      </p>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('events.token.state')}</dt>
          <dd class="govuk-summary-list__value">
            <strong class="govuk-tag">{t(`events.states.${r.state}`)}</strong>
            {r.state === 'offered' && r.offer_expires_at ? (
              <span
                safe
              >{` ${t('events.list.offeredUntil', { until: formatDateTime(r.offer_expires_at, lang), ...unescaped })}`}</span>
            ) : (
              ''
            )}
          </dd>
        </div>
      </dl>
      {r.certificate_code ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/certificate.pdf`}>
            {t('events.certificates.download')}
          </a>
        </p>
      ) : r.attended_at ? (
        <p class="govuk-body">{t('events.certificates.yours')}</p>
      ) : (
        ''
      )}
      {p.survey === 'open' ? (
        <SurveyQuestions ctx={p.ctx} action={`${base}/survey`} values={p.values} errors={p.errors} />
      ) : p.survey === 'answered' ? (
        <p class="govuk-body">{t('events.survey.thanks')}</p>
      ) : (
        ''
      )}
      {r.state === 'unconfirmed' && !started ? (
        <>
          <p class="govuk-body">{t('events.token.confirmHint')}</p>
          <PostForm ctx={p.ctx} action={`${base}/confirm`}>
            <Button>{t('events.token.confirmAddress')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
      {r.state === 'offered' && !started && r.offer_expires_at !== null && r.offer_expires_at > new Date() ? (
        <PostForm ctx={p.ctx} action={`${base}/confirm`}>
          <Button>{t('events.yours.confirmOffer')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      {(r.state === 'confirmed' || r.state === 'offered') && !started ? (
        <SessionChoice
          ctx={p.ctx}
          action={`${base}/sessions`}
          sessions={p.sessions}
          chosen={p.errors ? typedSessions(p.values) : p.chosen}
          errors={p.errors}
        />
      ) : (
        ''
      )}
      <Programme ctx={p.ctx} sessions={p.sessions} eventLang={r.lang} begun={started} />
      {live && !started ? (
        <PostForm ctx={p.ctx} action={`${base}/cancel`}>
          <Button variant="warning">{t('events.yours.cancel')}</Button>
        </PostForm>
      ) : (
        ''
      )}
    </FormPage>
  )
}
