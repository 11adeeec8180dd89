import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { RegistrationRow } from '../organising.ts'
import type { Event } from '../service.ts'

/**
 * Who registered for an event, for its organiser: each person's state (a place, the waiting list
 * in its order, an offer and until when), their access and dietary needs, and when they came.
 */
export function RegistrationsPage(p: {
  ctx: ViewContext
  event: Event
  rows: RegistrationRow[]
  page: Page
  hasNext: boolean
  /** Everyone, or only those awaiting the organiser's decision. */
  only: 'all' | 'pending'
  /** How many await a decision (an event asking for approval). */
  pending: number
}) {
  const { t, lang } = p.ctx
  const e = p.event
  const title = t('events.list.title', { event: e.title, ...unescaped })
  return (
    <Layout ctx={p.ctx} title={title} section="events">
      <a class="govuk-back-link" href={`/events/${e.id}`} safe>
        {e.title}
      </a>
      {/* The title holds the event's name as typed (unescaped): escaped here. */}
      <h1 class="govuk-heading-l" safe>
        {`${title}`}
      </h1>
      <p class="govuk-body">
        {t('events.list.summary', {
          taken: String(e.taken),
          capacity: String(e.capacity),
          waiting: String(e.waiting),
        })}
        {e.approval ? ` ${t('events.list.pendingCount', { count: p.pending })}` : ''}
      </p>
      {e.approval ? (
        <p class="govuk-body">
          {p.only === 'pending' ? (
            <a class="govuk-link" href={`/events/${e.id}/registrations`}>
              {t('events.list.everyone')}
            </a>
          ) : (
            <a class="govuk-link" href={`/events/${e.id}/registrations?only=pending`}>
              {t('events.list.onlyPending')}
            </a>
          )}
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('events.list.none')}</p>
      ) : (
        <Table
          caption={title}
          headers={[
            t('events.list.name'),
            t('events.list.state'),
            t('events.list.needs'),
            t('events.list.diet'),
            t('events.list.came'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <span safe>{r.name}</span>
                <br />
                <span class="govuk-body-s" safe>
                  {r.email}
                </span>
                {r.organisation ? (
                  <>
                    <br />
                    <span class="govuk-body-s" safe>
                      {r.organisation}
                    </span>
                  </>
                ) : (
                  ''
                )}
                {r.answers.map((a) => (
                  <>
                    <br />
                    <span
                      class="govuk-body-s"
                      lang={e.lang}
                      safe
                    >{`${a.label}: ${a.kind === 'consent' ? '✓' : a.answer}`}</span>
                  </>
                ))}
                {r.sessions.length ? (
                  <>
                    <br />
                    <span
                      class="govuk-body-s"
                      safe
                    >{`${t('events.list.sessions')} ${r.sessions.join('; ')}`}</span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell">
                {t(`events.states.${r.state}`)}
                {r.attended_at ? (
                  <span
                    safe
                  >{` · ${t('events.checkIn.presentSince', { time: formatDateTime(r.attended_at, lang), ...unescaped })}`}</span>
                ) : (
                  ''
                )}
                {r.state === 'offered' && r.offer_expires_at ? (
                  <span
                    safe
                  >{` ${t('events.list.offeredUntil', { until: formatDateTime(r.offer_expires_at, lang), ...unescaped })}`}</span>
                ) : (
                  ''
                )}
                {r.state === 'pending' ? <Decision ctx={p.ctx} eventId={e.id} row={r} /> : ''}
              </td>
              <td class="govuk-table__cell" safe>
                {[...r.access_needs.map((n) => t(`events.signUp.needs.${n as 'pjm'}`)), r.access_note]
                  .filter(Boolean)
                  .join('; ')}
              </td>
              <td class="govuk-table__cell" safe>
                {r.diet}
              </td>
              <td class="govuk-table__cell" safe>
                {formatDateTime(r.created_at, lang)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`/events/${e.id}/registrations`}
        query={p.only === 'pending' ? { only: 'pending' } : {}}
      />
    </Layout>
  )
}

/** Accept or decline a registration awaiting approval: each button names the person for a screen reader. */
function Decision(p: { ctx: ViewContext; eventId: string; row: RegistrationRow }) {
  const { t } = p.ctx
  const base = `/events/${p.eventId}/registrations/${p.row.id}`
  const whose = (
    <span class="govuk-visually-hidden" safe>
      {` – ${p.row.name}`}
    </span>
  )
  return (
    <div class="siatka-actions">
      <PostForm ctx={p.ctx} action={`${base}/approve`}>
        <Button variant="secondary">
          {t('events.list.approve')}
          {whose}
        </Button>
      </PostForm>
      <PostForm ctx={p.ctx} action={`${base}/decline`}>
        <Button variant="warning">
          {t('events.list.decline')}
          {whose}
        </Button>
      </PostForm>
    </div>
  )
}
