import { formatDate, formatDateTime } from '../../../../kernel/dates.ts'
import type { Cell } from '../../../../kernel/exports.ts'
import type { Lang, T } from '../../../../kernel/i18n.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { type SpaceMay, SpacePage, StatusTag, SummaryRow } from '../../../spaces/index.ts'
import { nameOf, type Space } from '../../../spaces/service.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import type { RegisterQuery } from '../../minutes/schemas.ts'
import { Paragraphs, Votes } from '../../minutes/views/minutes-page.tsx'
import { meetingName } from '../../views/meeting-name.ts'
import type { ForwardRow, IncomingRow, RegisterRow } from '../service.ts'

const spaceName = (r: { space_name_pl: string; space_name_en: string }, lang: Lang) =>
  nameOf({ name_pl: r.space_name_pl, name_en: r.space_name_en }, lang)

const meetingOf = (
  t: T,
  r: { meeting_kind: RegisterRow['meeting_kind']; meeting_number: number; meeting_year: number },
) => meetingName(t, { kind: r.meeting_kind, number: r.meeting_number, year: r.meeting_year })

/**
 * Where a decision's text stands: approved; approved while a correction of the minutes is drafted or
 * out for comments (the register shows the approved text until the chair approves the correction);
 * or not approved yet (minutes out for comments before their first approval).
 */
function textState(r: Pick<RegisterRow, 'approved' | 'minutes_status'>) {
  if (!r.approved) return 'notApproved' as const
  return r.minutes_status === 'approved' ? ('approved' as const) : ('inCorrection' as const)
}

/** The minutes' column of the spreadsheet and the decision's page. */
const minutesCell = (t: T, r: Pick<RegisterRow, 'approved' | 'minutes_status'>) =>
  textState(r) === 'inCorrection' ? t('decisions.inCorrection') : t(`minutes.statuses.${r.minutes_status}`)

/** The register as a spreadsheet: one row per decision. */
export function registerTable(t: T, lang: Lang, rows: RegisterRow[]): { headers: string[]; rows: Cell[][] } {
  return {
    headers: [
      t('decisions.columns.number'),
      t('decisions.columns.space'),
      t('decisions.columns.title'),
      t('decisions.columns.body'),
      t('decisions.columns.meeting'),
      t('decisions.columns.date'),
      t('minutes.decisions.for'),
      t('minutes.decisions.against'),
      t('minutes.decisions.abstaining'),
      t('decisions.columns.minutes'),
    ],
    rows: rows.map((r) => [
      decisionNumber(r),
      spaceName(r, lang),
      r.title,
      r.body,
      meetingOf(t, r),
      formatDate(r.starts_at, lang),
      r.votes_for,
      r.votes_against,
      r.votes_abstaining,
      minutesCell(t, r),
    ]),
  }
}

/** The search form and the table of a register; `across` adds the space column and filter. */
function Register(p: {
  ctx: ViewContext
  action: string
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  spaces?: { id: string; name_pl: string; name_en: string }[]
  /** Another list's page on the same page, kept by this pager's links. */
  also?: Record<string, string>
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, {
    q: p.query.q ?? '',
    year: p.query.year ? String(p.query.year) : '',
    space: p.query.space ?? '',
  })
  const keep = new URLSearchParams(
    Object.entries({ q: p.query.q, year: p.query.year?.toString(), space: p.query.space }).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  )
  const exportLink = (format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams(keep)
    q.set('format', format)
    return `${p.action}?${q}`
  }
  return (
    <>
      <FilterForm action={p.action} label={t('decisions.search')} submit={t('decisions.searchSubmit')}>
        {f.text('q', { label: t('decisions.q'), hint: t('decisions.qHint') })}
        {f.text('year', { label: t('decisions.year'), width: 'govuk-input--width-5' })}
        {p.spaces
          ? f.select('space', {
              label: t('decisions.space'),
              options: [
                { value: '', label: t('decisions.allSpaces') },
                ...p.spaces.map((s) => ({ value: s.id, label: nameOf(s, lang) })),
              ],
            })
          : ''}
      </FilterForm>
      <p class="govuk-body">
        <a class="govuk-link" href={exportLink('csv')}>
          {t('decisions.exportCsv')}
        </a>
        {' · '}
        <a class="govuk-link" href={exportLink('xlsx')}>
          {t('decisions.exportXlsx')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('decisions.none')}</p>
      ) : (
        <Table
          caption={t('decisions.title')}
          headers={[
            t('decisions.columns.number'),
            ...(p.spaces ? [t('decisions.columns.space')] : []),
            t('decisions.columns.title'),
            t('decisions.columns.meeting'),
            t('decisions.columns.vote'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.space_id}/decisions/${r.id}`} safe>
                  {decisionNumber(r)}
                </a>
              </td>
              {p.spaces ? (
                <td class="govuk-table__cell" safe>
                  {spaceName(r, lang)}
                </td>
              ) : (
                ''
              )}
              <td class="govuk-table__cell">
                <span safe>{r.title}</span>
                {textState(r) === 'notApproved' ? (
                  <>
                    {' '}
                    <StatusTag label={t('decisions.minutesNotApproved')} colour="yellow" />
                  </>
                ) : textState(r) === 'inCorrection' ? (
                  <>
                    {' '}
                    <StatusTag label={t('decisions.minutesInCorrection')} colour="blue" />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell">
                <span safe>{meetingOf(t, r)}</span>
                <br />
                <span class="govuk-body-s" safe>
                  {formatDate(r.starts_at, lang)}
                </span>
              </td>
              <td class="govuk-table__cell">
                {t('decisions.voteShort', {
                  for: r.votes_for,
                  against: r.votes_against,
                  abstaining: r.votes_abstaining,
                })}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={p.action}
        query={{ ...Object.fromEntries(keep), ...p.also }}
        label={t('decisions.pages')}
      />
    </>
  )
}

/** A space's register, with the decisions other bodies forwarded to it. */
export function SpaceRegisterPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  incoming: { rows: IncomingRow[]; page: Page; hasNext: boolean }
  meetings: { id: string; kind: RegisterRow['meeting_kind']; number: number; year: number; starts_at: Date }[]
  take?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const base = `/spaces/${p.space.id}/decisions`
  const kept = (params: Record<string, string | undefined>) =>
    Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    )
  const incomingNumber = p.incoming.page.number
  // The register's pages keep the incoming list's page, and the other way round.
  const registerKeeps = kept({ incoming: incomingNumber > 1 ? String(incomingNumber) : undefined })
  const incomingKeeps = kept({
    q: p.query.q,
    year: p.query.year?.toString(),
    page: p.page.number > 1 ? String(p.page.number) : undefined,
  })
  // A refused form shows this page again, with the same page of the incoming list.
  const takeAction = `${base}/incoming${incomingNumber > 1 ? `?incoming=${incomingNumber}` : ''}`
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="decisions"
      title={t('decisions.title')}
      errors={p.take?.errors}
      errorForm={p.take ? `forward-${fieldValue(p.take.values, 'forwardId')}` : undefined}
    >
      <p class="govuk-body">{t('decisions.intro')}</p>
      <Register
        ctx={p.ctx}
        action={base}
        rows={p.rows}
        query={p.query}
        page={p.page}
        hasNext={p.hasNext}
        also={registerKeeps}
      />
      {p.incoming.rows.length > 0 || incomingNumber > 1 ? (
        <>
          <h3 class="govuk-heading-m" id="incoming">
            {t('decisions.incoming.title')}
          </h3>
          {p.incoming.rows.map((r) => {
            const refused = p.take && p.take.values.forwardId === r.id ? p.take : undefined
            // A form per forwarded resolution, each asking for a meeting: named by it, so ids are unique.
            const f = formFields(p.ctx, refused?.values, refused?.errors, `forward-${r.id}`)
            return (
              <div class="govuk-inset-text">
                <h4 class="govuk-heading-s">
                  {t('decisions.incoming.heading', {
                    number: decisionNumber(r),
                    from: nameOf({ name_pl: r.from_name_pl, name_en: r.from_name_en }, lang),
                    title: r.title,
                  })}
                </h4>
                <Paragraphs text={r.body} />
                {r.note ? <p class="govuk-body-s">{t('decisions.incoming.note', { note: r.note })}</p> : ''}
                <p class="govuk-body-s">
                  {t('decisions.incoming.when', { date: formatDateTime(r.forwarded_at, lang) })}
                </p>
                {r.meeting_id ? (
                  <p class="govuk-body-s">
                    <a class="govuk-link" href={`/spaces/${p.space.id}/meetings/${r.meeting_id}#agenda`}>
                      {t('decisions.incoming.taken', {
                        meeting: meetingName(t, {
                          kind: r.meeting_kind ?? 'meeting',
                          number: r.meeting_number ?? 0,
                          year: r.meeting_year ?? 0,
                        }),
                      })}
                    </a>
                  </p>
                ) : p.may['space.convene'] ? (
                  p.meetings.length === 0 ? (
                    <p class="govuk-body-s">{t('decisions.incoming.noMeeting')}</p>
                  ) : (
                    <PostForm ctx={p.ctx} action={takeAction}>
                      <input type="hidden" name="forwardId" value={r.id} />
                      {f.select('meetingId', {
                        label: t('decisions.incoming.meeting', { number: decisionNumber(r) }),
                        options: [
                          { value: '', label: t('decisions.incoming.chooseMeeting') },
                          ...p.meetings.map((m) => ({
                            value: m.id,
                            label: `${meetingName(t, m)} (${formatDate(m.starts_at, lang)})`,
                          })),
                        ],
                      })}
                      <Button variant="secondary">{t('decisions.incoming.take')}</Button>
                    </PostForm>
                  )
                ) : (
                  <p class="govuk-body-s">{t('decisions.incoming.waiting')}</p>
                )}
              </div>
            )
          })}
          <Pagination
            ctx={p.ctx}
            page={p.incoming.page}
            hasNext={p.incoming.hasNext}
            path={base}
            query={incomingKeeps}
            param="incoming"
            label={t('decisions.incoming.pages')}
            fragment="incoming"
          />
        </>
      ) : (
        ''
      )}
    </SpacePage>
  )
}

/** Every decision of the spaces the person reads. */
export function AllRegisterPage(p: {
  ctx: ViewContext
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  spaces?: { id: string; name_pl: string; name_en: string }[]
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('decisions.allTitle')} section="decisions">
      <h1 class="govuk-heading-l">{t('decisions.allTitle')}</h1>
      <p class="govuk-body">{t('decisions.allIntro')}</p>
      <Register
        ctx={p.ctx}
        action="/decisions"
        rows={p.rows}
        query={p.query}
        page={p.page}
        hasNext={p.hasNext}
        spaces={p.spaces}
      />
    </Layout>
  )
}

/** One decision: its text and vote, where it was taken, where it was sent; forwarding it on. */
export function DecisionDetailPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  decision: RegisterRow
  forwards: ForwardRow[]
  targets: { id: string; name_pl: string; name_en: string }[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const d = p.decision
  const f = formFields(p.ctx, p.values, p.errors)
  const sent = new Set(p.forwards.map((x) => x.to_space_id ?? 'authority'))
  const choices = [
    ...(sent.has('authority') ? [] : [{ value: 'authority', label: t('decisions.forward.authority') }]),
    ...p.targets.filter((s) => !sent.has(s.id)).map((s) => ({ value: s.id, label: nameOf(s, lang) })),
  ]
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="decisions"
      title={t('minutes.decisions.heading', { number: decisionNumber(d), title: d.title, ...unescaped })}
      errors={p.errors}
    >
      <a class="govuk-back-link" href={`/spaces/${p.space.id}/decisions`}>
        {t('decisions.back')}
      </a>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('decisions.columns.number')} value={decisionNumber(d)} />
        <SummaryRow
          label={t('decisions.columns.meeting')}
          value={`${meetingOf(t, d)}, ${formatDate(d.starts_at, lang)}`}
        />
        <SummaryRow label={t('decisions.columns.minutes')} value={minutesCell(t, d)} />
      </dl>
      {textState(d) === 'inCorrection' ? (
        <p class="govuk-inset-text">{t('decisions.approvedTextShown')}</p>
      ) : (
        ''
      )}
      <Paragraphs text={d.body} />
      <Votes ctx={p.ctx} d={d} />
      <p class="govuk-body">
        <a class="govuk-link" href={`/spaces/${p.space.id}/meetings/${d.meeting_id}/minutes`}>
          {t('decisions.toMinutes')}
        </a>
      </p>
      <h3 class="govuk-heading-m">{t('decisions.forward.title')}</h3>
      {p.forwards.length === 0 ? (
        <p class="govuk-body">{t('decisions.forward.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {p.forwards.map((x) => (
            <li>
              {t('decisions.forward.item', {
                to: x.to_space_id
                  ? nameOf({ name_pl: x.to_name_pl ?? '', name_en: x.to_name_en ?? '' }, lang)
                  : t('decisions.forward.authority'),
                date: formatDateTime(x.forwarded_at, lang),
                name: x.forwarded_by_name,
              })}
            </li>
          ))}
        </ul>
      )}
      {p.may['space.convene'] && !d.approved ? (
        <p class="govuk-body">{t('decisions.forward.afterApproval')}</p>
      ) : (
        ''
      )}
      {p.may['space.convene'] && d.approved && choices.length > 0 ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <PostForm ctx={p.ctx} action={`/spaces/${p.space.id}/decisions/${d.id}/forward`}>
              {f.select('to', {
                label: t('decisions.forward.to'),
                options: [{ value: '', label: t('decisions.forward.choose') }, ...choices],
              })}
              {f.textarea('note', { label: t('decisions.forward.note'), rows: 3 })}
              <Button variant="secondary">{t('decisions.forward.submit')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </SpacePage>
  )
}

/** What the bodies forwarded to the managing authority. */
export function AuthorityDecisionsPage(p: {
  ctx: ViewContext
  rows: IncomingRow[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('decisions.authority.title')} section="authority">
      <h1 class="govuk-heading-l">{t('decisions.authority.title')}</h1>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('decisions.authority.none')}</p>
      ) : (
        <Table
          caption={t('decisions.authority.title')}
          headers={[
            t('decisions.columns.number'),
            t('decisions.columns.space'),
            t('decisions.columns.title'),
            t('decisions.authority.forwarded'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.from_space_id}/decisions/${r.decision_id}`} safe>
                  {decisionNumber(r)}
                </a>
              </td>
              <td class="govuk-table__cell" safe>
                {nameOf({ name_pl: r.from_name_pl, name_en: r.from_name_en }, lang)}
              </td>
              <td class="govuk-table__cell">
                <span safe>{r.title}</span>
                {r.note ? (
                  <>
                    <br />
                    <span class="govuk-body-s" safe>
                      {r.note}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {formatDate(r.forwarded_at, lang)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/authority/decisions" query={{}} />
    </Layout>
  )
}
