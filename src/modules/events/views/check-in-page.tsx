import { warsawDayAndTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, ErrorSummary, formFields, PostForm } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { AttendanceCounts, CheckInRow } from '../day.ts'
import { certificatesOpen, checkInOpen } from '../rules.ts'
import type { Event } from '../service.ts'
import { eventWhen } from './parts.tsx'

/**
 * An event on the day, for its organiser on a phone at the door: find a person by name, mark them
 * present with one button (each row a form of its own: no script needed, the page comes back at
 * the same person); the count present; the list to sign as a PDF; and, once the event has begun,
 * certificates for those present.
 */
export function CheckInPage(p: {
  ctx: ViewContext
  event: Event
  rows: CheckInRow[]
  q: string
  page: Page
  hasNext: boolean
  counts: AttendanceCounts
  now: Date
  /** Why the last tap or the certificates were refused (too early, a certificate issued). */
  problem?: string
}) {
  const { t, lang } = p.ctx
  const e = p.event
  const title = t('events.checkIn.title', { event: e.title, ...unescaped })
  const f = formFields(p.ctx, { q: p.q })
  const open = checkInOpen(e, p.now)
  const path = `/events/${e.id}/check-in`
  return (
    <Layout ctx={p.ctx} title={title} section="events">
      <a class="govuk-back-link" href={`/events/${e.id}`} safe>
        {e.title}
      </a>
      <ErrorSummary ctx={p.ctx} errors={p.problem ? { _form: p.problem } : undefined} />
      {/* The title holds the event's name as typed (unescaped): escaped here. */}
      <h1 class="govuk-heading-l" safe>
        {`${title}`}
      </h1>
      <p class="govuk-body" safe>
        {eventWhen(e, lang)}
      </p>
      <p class="govuk-body">{t('events.checkIn.intro')}</p>
      {open ? '' : <p class="govuk-inset-text">{t('events.checkIn.notYet')}</p>}
      <p class="govuk-body govuk-!-font-weight-bold" role="status">
        {t('events.checkIn.summary', { present: String(p.counts.present), places: String(p.counts.places) })}
      </p>
      <FilterForm action={path} label={t('events.checkIn.search')} submit={t('events.checkIn.find')}>
        {f.text('q', {
          label: t('events.checkIn.search'),
          hint: t('events.checkIn.searchHint'),
          type: 'search',
          width: 'govuk-input--width-20',
          spellcheck: false,
        })}
      </FilterForm>
      {p.q ? (
        <p class="govuk-body">
          <a class="govuk-link" href={path}>
            {t('events.checkIn.all')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body" safe>
          {`${p.q ? t('events.checkIn.noneFound', { q: p.q, ...unescaped }) : t('events.checkIn.none', unescaped)}`}
        </p>
      ) : (
        <ul class="govuk-list siatka-check-in">
          {p.rows.map((r) => (
            <li id={`r-${r.id}`} class="siatka-check-in__person">
              <div class="siatka-check-in__who">
                <span class="govuk-!-font-weight-bold" safe>
                  {r.name}
                </span>
                {r.organisation ? (
                  <span class="govuk-body-s siatka-check-in__detail" safe>
                    {r.organisation}
                  </span>
                ) : (
                  ''
                )}
                {r.access_needs.length ? (
                  <span class="govuk-body-s siatka-check-in__detail" safe>
                    {`${t('events.checkIn.needs')}: ${r.access_needs.map((n) => t(`events.signUp.needs.${n as 'pjm'}`, unescaped)).join('; ')}`}
                  </span>
                ) : (
                  ''
                )}
                <span class="govuk-body-s siatka-check-in__detail">
                  {r.attended_at ? (
                    <strong class="govuk-tag govuk-tag--green">
                      {t('events.checkIn.presentSince', { time: warsawDayAndTime(r.attended_at).time })}
                    </strong>
                  ) : (
                    t('events.checkIn.absent')
                  )}
                </span>
                {r.certificate_code ? (
                  <span class="govuk-body-s siatka-check-in__detail">
                    {t('events.checkIn.hasCertificate')}
                  </span>
                ) : (
                  ''
                )}
              </div>
              {open && !(r.attended_at && r.certificate_code) ? (
                <PostForm ctx={p.ctx} action={`${path}/${r.id}`}>
                  <input type="hidden" name="present" value={r.attended_at ? 'no' : 'yes'} />
                  <input type="hidden" name="q" value={p.q} />
                  <input type="hidden" name="page" value={String(p.page.number)} />
                  <Button variant={r.attended_at ? 'secondary' : undefined}>
                    {r.attended_at ? t('events.checkIn.undo') : t('events.checkIn.mark')}
                    <span class="govuk-visually-hidden" safe>{`: ${r.name}`}</span>
                  </Button>
                </PostForm>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={path}
        query={p.q ? { q: p.q } : {}}
        label={t('events.checkIn.pages')}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/events/${e.id}/attendance.pdf`}>
          {t('events.manage.attendancePdf')}
        </a>
      </p>
      <h2 class="govuk-heading-m">{t('events.certificates.heading')}</h2>
      <p class="govuk-body">
        {t('events.certificates.summary', {
          present: String(p.counts.present),
          certificates: String(p.counts.certificates),
        })}
      </p>
      {certificatesOpen(e, p.now) ? (
        <PostForm ctx={p.ctx} action={`/events/${e.id}/certificates`}>
          <p class="govuk-body">{t('events.certificates.issueHint')}</p>
          <Button variant="secondary">{t('events.certificates.issue')}</Button>
        </PostForm>
      ) : (
        <p class="govuk-body">{t('events.certificates.notYet')}</p>
      )}
    </Layout>
  )
}
