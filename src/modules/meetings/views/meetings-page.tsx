import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { type SpaceMay, SpacePage, StatusTag } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { MeetingKind, MeetingStatus } from '../tables.ts'
import { meetingName, meetingWhen } from './meeting-name.ts'

interface Row {
  id: string
  kind: MeetingKind
  year: number
  number: number
  subject: string
  starts_at: Date
  ends_at: Date
  place: string
  online_url: string
  status: MeetingStatus
  item_count: number | string | null
}

export function MeetingsPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Row[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  const s = p.space
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="meetings" title={t('meetings.title')}>
      {p.may['space.convene'] ? (
        <p class="govuk-body">
          <a class="govuk-button" href={`/spaces/${s.id}/meetings/new`}>
            {t('meetings.convene')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('meetings.none')}</p>
      ) : (
        <Table
          caption={t('meetings.title')}
          headers={[
            t('meetings.fields.meeting'),
            t('meetings.fields.when'),
            t('meetings.fields.where'),
            { numeric: t('meetings.fields.items') },
          ]}
        >
          {p.rows.map((m) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${s.id}/meetings/${m.id}`} safe>
                  {meetingName(t, m)}
                </a>
                {m.subject ? (
                  <>
                    <br />
                    <span class="govuk-body-s" safe>
                      {m.subject}
                    </span>
                  </>
                ) : (
                  ''
                )}
                {m.status === 'cancelled' ? (
                  <>
                    {' '}
                    <StatusTag label={t('meetings.cancelled')} colour="red" />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {meetingWhen(m, lang)}
              </td>
              <td class="govuk-table__cell" safe>
                {[m.place, m.online_url ? t('meetings.online') : ''].filter(Boolean).join(' + ')}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{Number(m.item_count ?? 0)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`/spaces/${s.id}/meetings`}
        query={{}}
      />
    </SpacePage>
  )
}
