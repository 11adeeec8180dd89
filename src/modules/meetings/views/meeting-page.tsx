import { formatDate } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { AgendaItemMaterials, MeetingMaterials } from '../../materials/index.ts'
import type { MeetingMaterial } from '../../materials/service.ts'
import { type SpaceMay, SpacePage, StatusTag, SummaryRow } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { Attendance } from '../attendance/service.ts'
import { AttendanceSection } from '../attendance/views/attendance-section.tsx'
import type { MinutesStatus } from '../minutes/tables.ts'
import { type NoticeRow, NoticeSection, type NoticeTermsView } from '../notices/views/notices.tsx'
import { isAhead, type Meeting } from '../service.ts'
import { agendaKinds } from '../tables.ts'
import { slotLabel } from '../visits/rules.ts'
import type { Visit } from '../visits/service.ts'
import { hostLine } from '../visits/views/visit-host.ts'
import { VisitSection } from '../visits/views/visit-section.tsx'
import { meetingName, meetingWhen } from './meeting-name.ts'

/**
 * A meeting: when and where, its agenda, which the secretariat orders with buttons (no JavaScript
 * needed), and its materials. `values` and `errors` belong to the agenda form, `materialForm` to
 * the materials module's upload form.
 */
export function MeetingPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  terms: NoticeTermsView
  notices: NoticeRow[]
  values?: FormValues
  errors?: FieldErrors
  materials: MeetingMaterial[]
  materialForm?: { values: FormValues; errors: FieldErrors }
  /** Attendance (attendance.ts): the member's answer, the secretary's list, presence and quorum. */
  attendance?: { data: Attendance; values?: FormValues; errors?: FieldErrors }
  /** A study visit (visits.ts): its programme's times, places, participants and report. */
  visit?: { data: Visit; values?: FormValues; errors?: FieldErrors }
  /** The minutes' status, when they are started (minutes.ts). */
  minutes?: MinutesStatus | null
}) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const base = `/spaces/${p.space.id}/meetings/${m.id}`
  const open = p.may['space.convene'] && isAhead(m)
  const f = formFields(p.ctx, p.values ?? { kind: 'information', minutes: '15' }, p.errors)
  const total = m.agenda.reduce((n, a) => n + a.minutes, 0)
  // A study visit's agenda is its programme, each entry at its time of day.
  const slots = p.visit?.data.programme
  const agendaTitle = slots ? t('visits.programme.title') : t('meetings.agenda.title')
  // One form around the agenda table: each button names its item (`up`, `down`, or the removal's
  // `entryId` with its own formaction), so twenty items do not carry sixty forms and CSRF tokens.
  const button = (name: string, entryId: string, label: string, text: string, formaction?: string) => (
    <button
      type="submit"
      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      name={name}
      value={entryId}
      formaction={formaction}
      aria-label={label}
      safe
    >
      {text}
    </button>
  )
  const agendaTable = (
    <Table
      caption={agendaTitle}
      headers={[
        { numeric: t('meetings.agenda.position') },
        ...(slots ? [t('visits.programme.time')] : []),
        t('meetings.agenda.item'),
        t('meetings.agenda.kind'),
        { numeric: t('meetings.agenda.minutes') },
        ...(open ? [{ hidden: t('meetings.agenda.actions') }] : []),
      ]}
    >
      {m.agenda.map((a, i) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell govuk-table__cell--numeric">{i + 1}</td>
          {slots ? (
            <td class="govuk-table__cell" safe>
              {/* Word joiners keep "10:00–10:45" on one line in a narrow column. */}
              {`${slotLabel(slots[i]).replace('–', '\u2060–\u2060')}${slots[i].day > 0 ? ` ${t('visits.programme.day', { day: slots[i].day + 1 })}` : ''}`}
            </td>
          ) : (
            ''
          )}
          <td class="govuk-table__cell">
            <span safe>{a.title}</span>
            {a.presenter ? (
              <>
                <br />
                <span class="govuk-body-s" safe>
                  {a.presenter}
                </span>
              </>
            ) : (
              ''
            )}
            <AgendaItemMaterials ctx={p.ctx} spaceId={p.space.id} itemId={a.id} materials={p.materials} />
          </td>
          <td class="govuk-table__cell">{t(`meetings.agenda.kinds.${a.kind}`)}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">{a.minutes}</td>
          {open ? (
            <td class="govuk-table__cell siatka-actions">
              {i > 0
                ? button(
                    'up',
                    a.id,
                    t('meetings.agenda.upLabel', { title: a.title }),
                    t('meetings.agenda.up'),
                  )
                : ''}
              {i < m.agenda.length - 1
                ? button(
                    'down',
                    a.id,
                    t('meetings.agenda.downLabel', { title: a.title }),
                    t('meetings.agenda.down'),
                  )
                : ''}
              {button(
                'entryId',
                a.id,
                t('meetings.agenda.removeLabel', { title: a.title }),
                t('meetings.agenda.remove'),
                `${base}/agenda/remove`,
              )}
            </td>
          ) : (
            ''
          )}
        </tr>
      ))}
    </Table>
  )
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={meetingName(t, m)}
      errors={p.errors ?? p.materialForm?.errors ?? p.attendance?.errors ?? p.visit?.errors}
    >
      <a class="govuk-back-link" href={`/spaces/${p.space.id}/meetings`}>
        {t('meetings.back')}
      </a>
      {m.status === 'cancelled' ? (
        <div class="govuk-inset-text">
          <StatusTag label={t('meetings.cancelled')} colour="red" />{' '}
          {t('meetings.cancel.cancelledOn', { date: formatDate(m.cancelled_at ?? m.updated_at, lang) })}{' '}
          <span safe>{m.cancel_reason ?? ''}</span>
        </div>
      ) : (
        ''
      )}
      <dl class="govuk-summary-list">
        <SummaryRow label={t('meetings.fields.subject')} value={m.subject} />
        <SummaryRow label={t('meetings.fields.when')} value={meetingWhen(m, lang)} />
        {p.visit ? <SummaryRow label={t('visits.host.title')} value={hostLine(m)} /> : ''}
        <SummaryRow label={t('meetings.fields.place')} value={m.place} />
        <SummaryRow label={t('meetings.fields.onlineUrl')} value={m.online_url} />
        <SummaryRow label={t('meetings.fields.confirmBy')} value={formatDate(m.confirm_by, lang)} />
      </dl>
      {open ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/edit`}>
            {t('meetings.edit.link')}
          </a>
          {' · '}
          <a class="govuk-link" href={`${base}/cancel`}>
            {t('meetings.cancel.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      <NoticeSection
        ctx={p.ctx}
        space={p.space}
        may={p.may}
        meeting={m}
        open={open}
        hasMaterials={p.materials.length > 0}
        terms={p.terms}
        notices={p.notices}
        values={p.values}
        errors={p.errors}
      />
      <h3 class="govuk-heading-m" id="agenda">
        {agendaTitle}
      </h3>
      {m.agenda.length === 0 ? (
        <p class="govuk-body">{t('meetings.agenda.none')}</p>
      ) : open ? (
        <PostForm ctx={p.ctx} action={`${base}/agenda/move`}>
          {agendaTable}
        </PostForm>
      ) : (
        agendaTable
      )}
      {m.agenda.length > 0 ? <p class="govuk-body">{t('meetings.agenda.total', { minutes: total })}</p> : ''}
      {p.visit?.data.overrun && open ? (
        <p class="govuk-body">
          {t('visits.programme.overrun', {
            minutes: p.visit.data.overrun,
            time: slots?.at(-1)?.to ?? '',
          })}
        </p>
      ) : (
        ''
      )}
      {open ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h3 class="govuk-heading-m">{t('meetings.agenda.add')}</h3>
            <PostForm ctx={p.ctx} action={`${base}/agenda`}>
              {f.text('title', { label: t('meetings.agenda.item') })}
              {f.text('presenter', { label: t('meetings.agenda.presenter') })}
              {f.text('minutes', {
                label: t('meetings.agenda.minutes'),
                width: 'govuk-input--width-5',
                type: 'number',
              })}
              {f.radios('kind', {
                label: t('meetings.agenda.kind'),
                inline: true,
                options: agendaKinds.map((k) => ({ value: k, label: t(`meetings.agenda.kinds.${k}`) })),
              })}
              <Button variant="secondary">{t('meetings.agenda.add')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
      <MeetingMaterials
        ctx={p.ctx}
        spaceId={p.space.id}
        meeting={m}
        materials={p.materials}
        canUpload={p.may['space.convene']}
        values={p.materialForm?.values}
        errors={p.materialForm?.errors}
      />
      {p.attendance ? (
        <AttendanceSection
          ctx={p.ctx}
          spaceId={p.space.id}
          meeting={m}
          attendance={p.attendance.data}
          values={p.attendance.values}
          errors={p.attendance.errors}
        />
      ) : (
        ''
      )}
      {p.visit ? (
        <VisitSection
          ctx={p.ctx}
          spaceId={p.space.id}
          meeting={m}
          visit={p.visit.data}
          canConvene={p.may['space.convene']}
          values={p.visit.values}
          errors={p.visit.errors}
        />
      ) : (
        ''
      )}
      <MinutesLink
        ctx={p.ctx}
        base={base}
        status={p.minutes ?? null}
        started={m.starts_at.getTime() <= Date.now()}
      />
    </SpacePage>
  )
}

/** Where the minutes are: started or not, and their status. */
function MinutesLink(p: { ctx: ViewContext; base: string; status: MinutesStatus | null; started: boolean }) {
  const { t } = p.ctx
  if (!p.started && p.status === null) return ''
  return (
    <>
      <h3 class="govuk-heading-m" id="minutes">
        {t('minutes.link')}
      </h3>
      <p class="govuk-body">
        <a class="govuk-link" href={`${p.base}/minutes`}>
          {p.status
            ? t('minutes.openStatus', { status: t(`minutes.statuses.${p.status}`) })
            : t('minutes.open')}
        </a>
      </p>
    </>
  )
}
