import { formatDate, formatDateTime } from '../../../kernel/dates.ts'
import type { DocumentRow } from '../../../kernel/documents.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { DocumentList } from '../../../kernel/views/documents.tsx'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { SummaryMarkupRow, SummaryRow } from '../../spaces/index.ts'
import { placesLeft, registrationWindow } from '../rules.ts'
import type { Event } from '../service.ts'
import type { Session } from '../sessions.ts'
import type { RegistrationState } from '../tables.ts'
import { closingOf, embedSnippet, eventWhen, organiserOf } from './parts.tsx'
import { Programme, SessionChoice } from './programme.tsx'

/** The signed-in person's own registration, as the event's page shows it. */
export interface Own {
  state: RegistrationState
  offer_expires_at: Date | null
  attended_at: Date | null
  certificate_code: string | null
}

/**
 * An event as the public reads it: what, when, where (with access to the venue), who organises it,
 * its places; a link to register (a page of its own, so this one is the same for every visitor)
 * and its calendar file. A signed-in person sees their own place and gives it up here; the
 * organiser reaches the event's form and its registrations.
 */
export function EventPage(p: {
  ctx: ViewContext
  event: Event
  /** Its programme and its documents to download. */
  sessions: Session[]
  documents: DocumentRow[]
  /** The sessions the signed-in person chose. */
  chosen?: string[]
  now: Date
  own?: Own
  mayManage: boolean
  /** The site's address, for the snippet a partner pastes into their site. */
  baseUrl: string
}) {
  const { t, lang } = p.ctx
  const e = p.event
  const base = `/events/${e.id}`
  const window = registrationWindow(e, p.now)
  const full = placesLeft(e.capacity, e.taken) === 0
  return (
    <Layout ctx={p.ctx} title={e.title} section="events">
      <a class="govuk-back-link" href="/events">
        {t('events.backToList')}
      </a>
      <span class="govuk-caption-l">{t(`events.kinds.${e.kind}`)}</span>
      <h1 class="govuk-heading-l" lang={e.lang} safe>
        {e.title}
      </h1>
      {p.mayManage ? (
        <ul class="govuk-list siatka-links">
          <li>
            <a class="govuk-link" href={`${base}/edit`}>
              {t('events.manage.edit')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/registrations`}>
              {t('events.manage.registrations')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/programme`}>
              {t('events.programme.manage')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/documents`}>
              {t('events.documents.manage')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/survey`}>
              {t('events.survey.manage')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/questions`}>
              {t('events.questions.manage')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`${base}/check-in`}>
              {t('events.manage.checkIn')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
      <dl class="govuk-summary-list">
        <SummaryRow label={t('events.date')} value={eventWhen(e, lang)} />
        {/* The venue and its access are written in the event's language. */}
        <SummaryMarkupRow label={t('events.place')}>
          {e.venue ? (
            <span lang={e.lang} safe>
              {e.venue}
            </span>
          ) : (
            t('events.online')
          )}
        </SummaryMarkupRow>
        {e.venue_access ? (
          <SummaryMarkupRow label={t('events.access')}>
            <span lang={e.lang} safe>
              {e.venue_access}
            </span>
          </SummaryMarkupRow>
        ) : (
          ''
        )}
        {e.online_url ? (
          <SummaryMarkupRow label={t('events.onlineLink')}>
            <a class="govuk-link" href={e.online_url} safe>
              {e.online_url}
            </a>
          </SummaryMarkupRow>
        ) : (
          ''
        )}
        <SummaryRow label={t('events.organiser')} value={organiserOf(p.ctx, e)} />
        <SummaryRow label={t('events.language')} value={t(`events.langs.${e.lang === 'en' ? 'en' : 'pl'}`)} />
        {window === 'closed' ? (
          ''
        ) : (
          <SummaryRow
            label={t('events.places')}
            value={
              full
                ? t('events.full', { waiting: String(e.waiting), ...unescaped })
                : t('events.placesLeft', {
                    left: String(placesLeft(e.capacity, e.taken)),
                    capacity: String(e.capacity),
                    ...unescaped,
                  })
            }
          />
        )}
        <SummaryRow
          label={t('events.registration')}
          value={
            window === 'open'
              ? t('events.closesAt', { when: closingOf(e.registration_closes_at, lang), ...unescaped })
              : window === 'not_yet'
                ? t('events.opensAt', { when: formatDate(e.registration_opens_at, lang), ...unescaped })
                : t('events.closed')
          }
        />
      </dl>
      {p.own ? (
        <OwnPlace ctx={p.ctx} base={base} own={p.own} started={e.starts_at <= p.now} />
      ) : window === 'open' ? (
        <p class="govuk-body">
          <a class="govuk-button" href={`${base}/register`} role="button" draggable="false">
            {full ? t('events.registerWaiting') : t('events.register')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div lang={e.lang}>{safeMarkdown(e.description, 3)}</div>
      <Programme ctx={p.ctx} sessions={p.sessions} eventLang={e.lang} begun={e.starts_at <= p.now} />
      {p.documents.length ? (
        <section aria-labelledby="documents-heading">
          <h2 class="govuk-heading-m" id="documents-heading">
            {t('events.documents.heading')}
          </h2>
          <DocumentList ctx={p.ctx} documents={p.documents} base={`${base}/documents`} />
        </section>
      ) : (
        ''
      )}
      {p.own && (p.own.state === 'confirmed' || p.own.state === 'offered') && e.starts_at > p.now ? (
        <SessionChoice
          ctx={p.ctx}
          action={`${base}/sessions`}
          sessions={p.sessions}
          chosen={p.chosen ?? []}
        />
      ) : (
        ''
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`${base}/event.ics`}>
          {t('events.calendar')}
        </a>
      </p>
      {e.ends_at > p.now ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('events.embed.summary')}</span>
          </summary>
          <div class="govuk-details__text">
            <div class="govuk-form-group">
              <label class="govuk-label" for="event-embed">
                {t('events.embed.label')}
              </label>
              <div class="govuk-hint" id="event-embed-hint">
                {t('events.embed.hint')}
              </div>
              <textarea
                class="govuk-textarea siatka-code"
                id="event-embed"
                rows="6"
                readonly
                spellcheck="false"
                aria-describedby="event-embed-hint"
                safe
              >
                {embedSnippet(p.ctx, e, p.baseUrl)}
              </textarea>
            </div>
          </div>
        </details>
      ) : (
        ''
      )}
    </Layout>
  )
}

function OwnPlace(p: { ctx: ViewContext; base: string; own: Own; started: boolean }) {
  const { t, lang } = p.ctx
  const { state } = p.own
  const offerOpen =
    state === 'offered' && p.own.offer_expires_at !== null && p.own.offer_expires_at > new Date()
  const text =
    state === 'offered'
      ? t('events.yours.offered', {
          until: p.own.offer_expires_at ? formatDateTime(p.own.offer_expires_at, lang) : '',
        })
      : state === 'confirmed' ||
          state === 'waiting' ||
          state === 'unconfirmed' ||
          state === 'pending' ||
          state === 'declined'
        ? t(`events.yours.${state}`)
        : ''
  return (
    <section class="govuk-inset-text" aria-labelledby="own-heading">
      <h2 class="govuk-heading-s" id="own-heading">
        {t('events.yours.heading')}
      </h2>
      <p class="govuk-body">{text}</p>
      {p.own.attended_at ? <p class="govuk-body">{t('events.certificates.yours')}</p> : ''}
      {p.own.certificate_code ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${p.base}/certificate.pdf`}>
            {t('events.certificates.download')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.started || state === 'declined' ? (
        ''
      ) : (
        <div class="siatka-actions">
          {offerOpen ? (
            <PostForm ctx={p.ctx} action={`${p.base}/confirm`}>
              <Button>{t('events.yours.confirmOffer')}</Button>
            </PostForm>
          ) : (
            ''
          )}
          <PostForm ctx={p.ctx} action={`${p.base}/cancel`}>
            <Button variant="warning">{t('events.yours.cancel')}</Button>
          </PostForm>
        </div>
      )}
    </section>
  )
}
