import { formatDate, warsawDayAndTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, type FieldErrors, formFields, PostForm } from '../../../kernel/views/fields.tsx'
import { placesLeft } from '../rules.ts'
import type { Session } from '../sessions.ts'

/** A session's time on a Warsaw clock: "10:00–11:30". */
export const sessionTime = (s: Pick<Session, 'starts_at' | 'ends_at'>) =>
  `${warsawDayAndTime(s.starts_at).time}–${warsawDayAndTime(s.ends_at).time}`

/** A session's places of its own as a reader sees them: "wolne 3 z 20", or that none is left. */
export const sessionPlaces = (ctx: ViewContext, s: Session) =>
  s.capacity === null
    ? ''
    : placesLeft(s.capacity, s.taken) > 0
      ? ctx.t('events.programme.placesLeft', {
          left: String(placesLeft(s.capacity, s.taken)),
          capacity: String(s.capacity),
          ...unescaped,
        })
      : ctx.t('events.programme.full', unescaped)

/** The sessions by their Warsaw day, in time order. */
function byDay(sessions: Session[]) {
  const days = new Map<string, Session[]>()
  for (const s of sessions) {
    const day = warsawDayAndTime(s.starts_at).day
    days.set(day, [...(days.get(day) ?? []), s])
  }
  return [...days.entries()]
}

/**
 * The programme on the event's page: each day's sessions with their time, room, speakers and what
 * they are about (in the event's language), and the places of a session that has its own.
 */
export function Programme(p: {
  ctx: ViewContext
  sessions: Session[]
  eventLang: string
  /** The event has begun: places are no longer shown. */
  begun: boolean
}) {
  const { t, lang } = p.ctx
  if (!p.sessions.length) return ''
  const days = byDay(p.sessions)
  return (
    <section aria-labelledby="programme-heading">
      <h2 class="govuk-heading-m" id="programme-heading">
        {t('events.programme.title')}
      </h2>
      {days.map(([, sessions]) => (
        <>
          {days.length > 1 ? (
            <h3 class="govuk-heading-s" safe>
              {formatDate(sessions[0].starts_at, lang)}
            </h3>
          ) : (
            ''
          )}
          <ol class="govuk-list siatka-programme">
            {sessions.map((s) => (
              <li>
                <p class="govuk-body govuk-!-margin-bottom-1">
                  <strong safe>{sessionTime(s)}</strong>{' '}
                  <span lang={p.eventLang} safe>
                    {s.title}
                  </span>
                </p>
                {s.room || (s.capacity !== null && !p.begun) ? (
                  <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                    {[s.room, p.begun ? '' : sessionPlaces(p.ctx, s)].filter(Boolean).join(' · ')}
                  </p>
                ) : (
                  ''
                )}
                {s.speakers.length ? (
                  <p class="govuk-body-s govuk-!-margin-bottom-1">
                    {t('events.programme.speakers')}{' '}
                    <span lang={p.eventLang} safe>
                      {s.speakers.join('; ')}
                    </span>
                  </p>
                ) : (
                  ''
                )}
                {s.description ? (
                  <p class="govuk-body-s" lang={p.eventLang} safe>
                    {s.description}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
        </>
      ))}
    </section>
  )
}

/**
 * The sessions with places of their own that a person holding a place chooses (from the event's
 * page or their private link): each with its time and places left; a full one not already theirs
 * cannot be ticked.
 */
export function SessionChoice(p: {
  ctx: ViewContext
  action: string
  sessions: Session[]
  chosen: string[]
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const choosable = p.sessions.filter((s) => s.capacity !== null)
  if (!choosable.length) return ''
  const f = formFields(p.ctx, { sessions: p.chosen }, p.errors)
  return (
    <PostForm ctx={p.ctx} action={p.action}>
      {f.checkboxes('sessions', {
        label: t('events.programme.choose'),
        hint: t('events.programme.chooseHint'),
        options: choosable.map((s) => ({
          value: s.id,
          label: `${sessionTime(s)} ${s.title} (${sessionPlaces(p.ctx, s)})`,
        })),
      })}
      <Button variant="secondary">{t('events.programme.saveChoice')}</Button>
    </PostForm>
  )
}
