import { formatDate, formatDateTime } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { Warning } from '../../../../kernel/views/warning.tsx'
import { StatusTag } from '../../../spaces/index.ts'
import type { Meeting } from '../../service.ts'
import type { ParticipantLine, Visit } from '../service.ts'
import { VisitReportText } from './visit-report.tsx'

/**
 * A study visit's part of the meeting page: the places, for the secretary the participant list
 * (members who come, deputies sent, outside participants) with its forms and exports, and the
 * report written after the visit. `values` and `errors` belong to the participant or places form.
 */
export function VisitSection(p: {
  ctx: ViewContext
  spaceId: string
  meeting: Meeting
  visit: Visit
  canConvene: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  return (
    <>
      <Participants {...p} />
      <Report {...p} />
    </>
  )
}

type Props = Parameters<typeof VisitSection>[0]
const base = (p: Props) => `/spaces/${p.spaceId}/meetings/${p.meeting.id}/visit`

function Places(p: Props) {
  const { t } = p.ctx
  const v = p.visit
  if (v.capacity === null) return <p class="govuk-body">{t('visits.places.noLimit', { taken: v.taken })}</p>
  return (
    <>
      <p class="govuk-body" id="visit-places">
        {t('visits.places.taken', { taken: v.taken, capacity: v.capacity })}
        {v.taken === v.capacity ? ` ${t('visits.places.full')}` : ''}
      </p>
      {v.taken > v.capacity && p.canConvene ? (
        <Warning ctx={p.ctx} text={t('visits.places.over', { taken: v.taken, capacity: v.capacity })} />
      ) : (
        ''
      )}
    </>
  )
}

function Participants(p: Props) {
  const { t } = p.ctx
  const v = p.visit
  const list = v.participants
  return (
    <section aria-labelledby="visit-participants">
      <h3 class="govuk-heading-m" id="visit-participants">
        {t('visits.participants.title')}
      </h3>
      <Places {...p} />
      {list ? <ParticipantTable {...p} list={list} /> : ''}
      {list && list.length > 0 ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base(p)}/participants.csv`}>
            {t('visits.participants.csv')}
          </a>
          {' · '}
          <a class="govuk-link" href={`${base(p)}/participants.xlsx`}>
            {t('visits.participants.xlsx')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.canConvene ? <ParticipantForms {...p} /> : ''}
    </section>
  )
}

function ParticipantTable(p: Props & { list: ParticipantLine[] }) {
  const { t } = p.ctx
  if (p.list.length === 0) return <p class="govuk-body">{t('visits.participants.none')}</p>
  const removable = p.visit.participantsOpen
  return (
    <Table
      caption={t('visits.participants.title')}
      headers={[
        { numeric: t('visits.participants.number') },
        t('visits.participants.name'),
        t('visits.participants.organisation'),
        t('visits.participants.kind'),
        ...(removable ? [{ hidden: t('visits.participants.actions') }] : []),
      ]}
    >
      {p.list.map((l, i) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell govuk-table__cell--numeric">{i + 1}</td>
          <td class="govuk-table__cell">
            <span safe>{l.name}</span>
            {l.email ? (
              <>
                <br />
                <span class="govuk-body-s" safe>
                  {l.email}
                </span>
              </>
            ) : (
              ''
            )}
            {l.kind === 'outside' && l.hasAccount ? (
              <>
                <br />
                <StatusTag label={t('visits.participants.hasAccount')} colour="blue" />
              </>
            ) : (
              ''
            )}
          </td>
          <td class="govuk-table__cell" safe>
            {l.organisation}
          </td>
          <td class="govuk-table__cell">
            {l.inPlaceOf
              ? t('visits.participants.deputyFor', { name: l.inPlaceOf })
              : t(`visits.participants.kinds.${l.kind}`)}
          </td>
          {removable ? (
            <td class="govuk-table__cell siatka-actions">
              {l.id ? (
                <PostForm ctx={p.ctx} action={`${base(p)}/participants/remove`}>
                  <input type="hidden" name="entryId" value={l.id} />
                  <button
                    type="submit"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    aria-label={t('visits.participants.removeLabel', { name: l.name })}
                  >
                    {t('visits.participants.remove')}
                  </button>
                </PostForm>
              ) : (
                ''
              )}
            </td>
          ) : (
            ''
          )}
        </tr>
      ))}
    </Table>
  )
}

function ParticipantForms(p: Props) {
  const { t } = p.ctx
  const m = p.meeting
  if (!p.visit.participantsOpen)
    return (
      <div class="govuk-inset-text">
        {m.status === 'cancelled' ? t('visits.participants.cancelled') : t('visits.participants.closed')}
      </div>
    )
  // One refused form at a time: the other keeps what is saved.
  const typed = p.values ?? {}
  const capacityTyped = 'capacity' in typed
  const f = formFields(p.ctx, capacityTyped ? {} : typed, capacityTyped ? undefined : p.errors)
  const c = formFields(
    p.ctx,
    capacityTyped ? typed : { capacity: m.visit_capacity === null ? '' : String(m.visit_capacity) },
    capacityTyped ? p.errors : undefined,
  )
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h4 class="govuk-heading-s">{t('visits.participants.add')}</h4>
        <p class="govuk-body">{t('visits.participants.addIntro')}</p>
        <PostForm ctx={p.ctx} action={`${base(p)}/participants`}>
          {f.text('name', { label: t('visits.participants.name'), autocomplete: 'off' })}
          {f.text('organisation', { label: t('visits.participants.organisation') })}
          {f.text('email', {
            label: t('visits.participants.email'),
            hint: t('visits.participants.emailHint'),
            type: 'email',
            spellcheck: false,
            autocomplete: 'off',
          })}
          <Button variant="secondary">{t('visits.participants.add')}</Button>
        </PostForm>
        <PostForm ctx={p.ctx} action={`${base(p)}/capacity`}>
          {c.text('capacity', {
            label: t('visits.places.capacity'),
            hint: t('visits.places.capacityHint'),
            width: 'govuk-input--width-5',
            type: 'number',
          })}
          <Button variant="secondary">{t('visits.places.save')}</Button>
        </PostForm>
      </div>
    </div>
  )
}

function Report(p: Props) {
  const { t, lang } = p.ctx
  const r = p.visit.report
  const m = p.meeting
  if (m.status === 'cancelled') return ''
  return (
    <section aria-labelledby="visit-report">
      <h3 class="govuk-heading-m" id="visit-report">
        {t('visits.report.title')}
      </h3>
      {r ? (
        <>
          <p class="govuk-body-s">
            {r.published_at ? (
              t('visits.report.publishedOn', {
                date: formatDate(r.published_at, lang),
                name: r.published_by_name ?? '',
              })
            ) : (
              <StatusTag label={t('visits.report.draft')} colour="grey" />
            )}{' '}
            {t('visits.report.editedOn', { date: formatDateTime(r.edited_at, lang), name: r.edited_by_name })}
            {p.visit.reportPublic ? ` ${t('visits.report.onPublicPage')}` : ''}
          </p>
          <VisitReportText ctx={p.ctx} report={r} level={3} />
        </>
      ) : p.visit.reportBlocked === 'visits.errors.reportBeforeEnd' ? (
        <p class="govuk-body">{t('visits.report.notYet', { date: formatDateTime(m.ends_at, lang) })}</p>
      ) : (
        <p class="govuk-body">{t('visits.report.none')}</p>
      )}
      {p.canConvene && !p.visit.reportBlocked ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base(p)}/report`}>
            {r ? t('visits.report.edit') : t('visits.report.write')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  )
}
