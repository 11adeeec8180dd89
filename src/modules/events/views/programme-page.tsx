import { formatDate, warsawDayAndTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { Event } from '../service.ts'
import type { Session } from '../sessions.ts'
import { sessionTime } from './programme.tsx'

/** A session's form filled from the session (its day and times on a Warsaw clock). */
export function sessionValues(s: Session): FormValues {
  return {
    title: s.title,
    day: warsawDayAndTime(s.starts_at).day,
    startTime: warsawDayAndTime(s.starts_at).time,
    endTime: warsawDayAndTime(s.ends_at).time,
    room: s.room,
    speakers: s.speakers.join('\n'),
    description: s.description,
    capacity: s.capacity === null ? '' : String(s.capacity),
  }
}

/**
 * The organiser's programme of an event: its sessions in time order with the places chosen of
 * those that have their own, each changed on its own page or removed; and the form adding one (or,
 * on a session's page, changing it).
 */
export function ProgrammePage(p: {
  ctx: ViewContext
  event: Event
  sessions: Session[]
  /** The session being changed (its own page); none: the programme with the form adding one. */
  editing?: Session
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const e = p.event
  const base = `/events/${e.id}/programme`
  const first = warsawDayAndTime(e.starts_at).day
  // An event of one day: its sessions by their times alone.
  const oneDay = first === warsawDayAndTime(e.ends_at).day
  const f = formFields(p.ctx, p.values ?? (p.editing ? sessionValues(p.editing) : { day: first }), p.errors)
  const title = p.editing
    ? t('events.programme.editTitle', { session: p.editing.title, ...unescaped })
    : t('events.programme.manageTitle', { event: e.title, ...unescaped })
  return (
    <FormPage
      ctx={p.ctx}
      title={title}
      errors={p.errors}
      section="events"
      back={
        p.editing
          ? { href: base, label: t('events.programme.title') }
          : { href: `/events/${e.id}`, label: e.title }
      }
    >
      {p.editing ? (
        ''
      ) : (
        <>
          <p class="govuk-body">{t('events.programme.intro')}</p>
          {p.sessions.length === 0 ? (
            <p class="govuk-body">{t('events.programme.none')}</p>
          ) : (
            <Table
              caption={t('events.programme.title')}
              headers={[
                t('events.programme.when'),
                t('events.programme.session'),
                t('events.programme.actions'),
              ]}
            >
              {p.sessions.map((s) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell" safe>
                    {oneDay ? sessionTime(s) : `${formatDate(s.starts_at, lang)}, ${sessionTime(s)}`}
                  </td>
                  <td class="govuk-table__cell">
                    <span lang={e.lang} safe>
                      {s.title}
                    </span>
                    {s.room ? (
                      <span class="govuk-body-s siatka-check-in__detail" lang={e.lang} safe>
                        {s.room}
                      </span>
                    ) : (
                      ''
                    )}
                    {s.speakers.length ? (
                      <span class="govuk-body-s siatka-check-in__detail" lang={e.lang} safe>
                        {s.speakers.join('; ')}
                      </span>
                    ) : (
                      ''
                    )}
                    <span class="govuk-body-s siatka-check-in__detail">
                      {s.capacity === null
                        ? t('events.programme.open')
                        : t('events.programme.chosen', {
                            taken: String(s.taken),
                            capacity: String(s.capacity),
                          })}
                    </span>
                  </td>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={`${base}/${s.id}`}>
                      {t('events.programme.change')}
                      <span class="govuk-visually-hidden" safe>{`: ${s.title}`}</span>
                    </a>
                    <PostForm ctx={p.ctx} action={`${base}/${s.id}/remove`}>
                      <Button variant="warning">
                        {t('events.programme.remove')}
                        <span class="govuk-visually-hidden" safe>{`: ${s.title}`}</span>
                      </Button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <h2 class="govuk-heading-m">{t('events.programme.add')}</h2>
        </>
      )}
      <PostForm ctx={p.ctx} action={p.editing ? `${base}/${p.editing.id}` : base}>
        {f.text('title', { label: t('events.programme.sessionTitle'), maxlength: 200 })}
        {f.date('day', { label: t('events.programme.day') })}
        {f.text('startTime', {
          label: t('events.form.startTime'),
          hint: t('events.form.timeHint'),
          width: 'govuk-input--width-5',
        })}
        {f.text('endTime', {
          label: t('events.form.endTime'),
          hint: t('events.form.timeHint'),
          width: 'govuk-input--width-5',
        })}
        {f.text('room', { label: t('events.programme.room'), maxlength: 200 })}
        {f.textarea('speakers', {
          label: t('events.programme.speakersLabel'),
          hint: t('events.programme.speakersHint'),
          rows: 3,
        })}
        {f.textarea('description', { label: t('events.programme.description'), rows: 3 })}
        {f.text('capacity', {
          label: t('events.programme.capacity'),
          hint: t('events.programme.capacityHint'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
        <Button>{p.editing ? t('events.programme.save') : t('events.programme.add')}</Button>
      </PostForm>
    </FormPage>
  )
}
