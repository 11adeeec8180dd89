import { formatDate, formatDateTime } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import type { Meeting } from '../../service.ts'
import { type Attendance, presenceField } from '../service.ts'
import { answers, presences } from '../tables.ts'

/**
 * The meeting page's attendance: the member's own answer, and for the secretary every answer, the
 * list for signing, and from the meeting's day the presence form and the quorum.
 */
export function AttendanceSection(p: {
  ctx: ViewContext
  spaceId: string
  meeting: Meeting
  attendance: Attendance
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const a = p.attendance
  if (!a.mine && !a.secretary) return ''
  return (
    <section aria-labelledby="attendance">
      <h3 class="govuk-heading-m" id="attendance">
        {t('attendance.title')}
      </h3>
      {a.mine ? <OwnAnswer {...p} /> : ''}
      {a.secretary ? <Answers {...p} /> : ''}
      {a.secretary ? <PresenceForm {...p} /> : ''}
    </section>
  )
}

type Props = Parameters<typeof AttendanceSection>[0]
const base = (p: Props) => `/spaces/${p.spaceId}/meetings/${p.meeting.id}`

function OwnAnswer(p: Props) {
  const { t, lang } = p.ctx
  const mine = p.attendance.mine!
  const m = p.meeting
  const f = formFields(
    p.ctx,
    p.values ?? { answer: mine.answer ?? '', deputyId: mine.deputyId ?? '' },
    p.errors,
  )
  const when = mine.answeredAt ? formatDateTime(new Date(mine.answeredAt), lang) : ''
  // Sending a deputy is offered only when the body has one this member may send.
  const withDeputy = p.attendance.deputyChoices.length > 0
  const offered = withDeputy ? answers : answers.filter((a) => a !== 'deputy')
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <p class="govuk-body">
          {mine.answer === 'deputy'
            ? t('attendance.yoursDeputy', { name: mine.deputyName ?? '', when })
            : mine.answer
              ? t('attendance.yours', { answer: t(`attendance.answers.${mine.answer}`), when })
              : t('attendance.notYet')}
        </p>
        {p.attendance.open ? (
          <PostForm ctx={p.ctx} action={`${base(p)}/attendance`}>
            {f.radios('answer', {
              label: t('attendance.question'),
              hint: t('attendance.questionHint', { until: formatDate(m.confirm_by, lang) }),
              options: offered.map((v) => ({ value: v, label: t(`attendance.answers.${v}`) })),
            })}
            {withDeputy ? (
              f.select('deputyId', {
                label: t('attendance.deputy'),
                hint: t('attendance.deputyHint'),
                options: [
                  { value: '', label: t('attendance.deputyChoose') },
                  ...p.attendance.deputyChoices.map((d) => ({ value: d.id, label: d.name })),
                ],
              })
            ) : (
              <p class="govuk-body">{t('attendance.noDeputies')}</p>
            )}
            <Button>{t('attendance.save')}</Button>
          </PostForm>
        ) : (
          <div class="govuk-inset-text">
            {m.status === 'cancelled'
              ? t('attendance.cancelled')
              : t('attendance.closed', { day: formatDate(m.confirm_by, lang) })}
          </div>
        )}
      </div>
    </div>
  )
}

function Answers(p: Props) {
  const { t, lang } = p.ctx
  const s = p.attendance.secretary!
  if (s.rows.length === 0) return <p class="govuk-body">{t('attendance.list.noMembers')}</p>
  return (
    <>
      <h4 class="govuk-heading-s">{t('attendance.list.title')}</h4>
      <ul class="govuk-list" aria-label={t('attendance.list.counts')}>
        {(['yes', 'no', 'deputy', 'none'] as const).map((k) => (
          <li safe>{`${t(`attendance.answered.${k}`)}: ${s.counts[k]}`}</li>
        ))}
      </ul>
      <p class="govuk-body">
        {s.counts.none === 0
          ? t('attendance.list.allAnswered')
          : t('attendance.list.waiting', { count: s.counts.none })}
      </p>
      <Table
        caption={t('attendance.list.title')}
        headers={[
          t('attendance.list.person'),
          t('attendance.list.answer'),
          t('attendance.list.deputy'),
          t('attendance.list.when'),
        ]}
      >
        {s.rows.map((r) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <span safe>{r.name}</span>
              {r.organisation_name ? (
                <>
                  <br />
                  <span class="govuk-body-s" safe>
                    {r.organisation_name}
                  </span>
                </>
              ) : (
                ''
              )}
            </td>
            <td class="govuk-table__cell">{t(`attendance.answered.${r.answer ?? 'none'}`)}</td>
            <td class="govuk-table__cell" safe>
              {r.deputy_name ?? ''}
            </td>
            <td class="govuk-table__cell">
              {r.answered_at ? formatDateTime(new Date(r.answered_at), lang) : ''}
            </td>
          </tr>
        ))}
      </Table>
      <p class="govuk-body">
        <a class="govuk-link" href={`${base(p)}/attendance.pdf`}>
          {t('attendance.presence.pdf')}
        </a>
      </p>
    </>
  )
}

function PresenceForm(p: Props) {
  const { t, lang } = p.ctx
  const s = p.attendance.secretary!
  if (s.rows.length === 0) return ''
  if (!s.presenceOpen)
    return (
      <p class="govuk-body">
        {t('attendance.presence.fromTheDay', { day: formatDate(p.meeting.starts_at, lang) })}
      </p>
    )
  // Recorded presence, else what the answers suggest: a member who is not coming is absent.
  const answerOf = new Map(s.rows.map((r) => [r.person_id, r.answer]))
  const defaults = Object.fromEntries(
    s.lines.map((l) => {
      const answer = l.inPlaceOf ? null : answerOf.get(l.personId)
      const guess = answer === 'no' || answer === 'deputy' ? 'absent' : ''
      return [presenceField(l.personId), l.presence ?? guess]
    }),
  )
  const f = formFields(p.ctx, p.values ?? defaults, p.errors)
  const q = s.quorum
  return (
    <>
      <h4 class="govuk-heading-s">{t('attendance.presence.title')}</h4>
      <p class="govuk-body govuk-!-font-weight-bold" id="quorum">
        {q
          ? t(q.reached ? 'attendance.quorum.reached' : 'attendance.quorum.missing', {
              present: q.present,
              members: q.members,
              required: q.required,
            })
          : t('attendance.quorum.notRecorded')}
      </p>
      <p class="govuk-body">{t('attendance.presence.intro')}</p>
      <PostForm ctx={p.ctx} action={`${base(p)}/presence`}>
        {s.lines.map((l) =>
          f.radios(presenceField(l.personId), {
            label: l.inPlaceOf
              ? t('attendance.presence.deputyFor', {
                  name: l.name,
                  member: l.inPlaceOf,
                  ...unescaped,
                })
              : l.name,
            inline: true,
            options: presences.map((v) => ({ value: v, label: t(`attendance.presence.options.${v}`) })),
          }),
        )}
        <Button>{t('attendance.presence.save')}</Button>
      </PostForm>
    </>
  )
}
