import { escapeHtml } from '@kitajs/html'
import { formatDate, formatDateTime, warsawDayAndTime } from '../../../kernel/dates.ts'
import { type Lang, type T, unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { placesLeft, registrationWindow } from '../rules.ts'
import type { EventRow } from '../service.ts'

/** When an event is: its start, and its end (the time alone when it ends the same day). */
export function eventWhen(e: Pick<EventRow, 'starts_at' | 'ends_at'>, lang: ViewContext['lang']): string {
  const start = formatDateTime(e.starts_at, lang)
  const end = formatDateTime(e.ends_at, lang)
  const [startDay] = start.split(',')
  const [endDay, endTime] = end.split(',')
  return startDay === endDay && endTime ? `${start}–${endTime.trim()}` : `${start} – ${end}`
}

/**
 * When registration closes, as a person reads it: the last day alone when it closes at the end of
 * that day (a Warsaw midnight), else the day and time (the event's start).
 */
export function closingOf(closesAt: Date, lang: ViewContext['lang']): string {
  const { time } = warsawDayAndTime(closesAt)
  return time === '00:00'
    ? formatDate(new Date(closesAt.getTime() - 1), lang)
    : formatDateTime(closesAt, lang)
}

type Organiser = Pick<EventRow, 'organiser_pl' | 'organiser_en' | 'project_title' | 'project_acronym'>

/** Who organises it: a space by its name in the reader's language, a project, or the secretariat. */
export const organiserName = (t: T, lang: Lang, e: Organiser) =>
  (lang === 'en' ? e.organiser_en : e.organiser_pl) ??
  (e.project_title
    ? e.project_acronym
      ? `${e.project_acronym}: ${e.project_title}`
      : e.project_title
    : null) ??
  t('events.secretariat', unescaped)

export const organiserOf = (ctx: ViewContext, e: Organiser) => organiserName(ctx.t, ctx.lang, e)

/** Where it is: the venue, online, or both. */
export const placeOf = (ctx: ViewContext, e: Pick<EventRow, 'venue' | 'online_url'>) =>
  [e.venue, e.online_url ? ctx.t('events.online') : ''].filter(Boolean).join(' + ')

/** The places left, or the waiting list when none is; registration not yet open or closed says so. */
export function PlacesLine(p: { ctx: ViewContext; event: EventRow; now: Date }) {
  const { t } = p.ctx
  const e = p.event
  const window = registrationWindow(e, p.now)
  if (window === 'closed') return <>{t('events.closed')}</>
  if (window === 'not_yet')
    return <>{t('events.opensAt', { when: formatDate(e.registration_opens_at, p.ctx.lang) })}</>
  const left = placesLeft(e.capacity, e.taken)
  return left > 0
    ? t('events.placesLeft', { left: String(left), capacity: String(e.capacity) })
    : t('events.full', { waiting: String(e.waiting) })
}

/**
 * The event as a plain HTML snippet a partner pastes into their own site (seed 003: recruitment
 * announced on the partners' sites): its title linking to its page, kind, time and place, and the
 * registration link; no script, no styles of its own (the partner's site styles it), every text
 * escaped.
 */
export function embedSnippet(ctx: ViewContext, e: EventRow, baseUrl: string): string {
  const page = `${baseUrl}/events/${e.id}`
  const line = [ctx.t(`events.kinds.${e.kind}`, unescaped), eventWhen(e, ctx.lang), placeOf(ctx, e)]
    .filter(Boolean)
    .join(' · ')
  return [
    `<div class="siatka-event" lang="${e.lang === 'en' ? 'en' : 'pl'}">`,
    `  <p><strong><a href="${escapeHtml(page)}">${escapeHtml(e.title)}</a></strong></p>`,
    `  <p>${escapeHtml(line)}</p>`,
    `  <p><a href="${escapeHtml(`${page}/register`)}">${escapeHtml(ctx.t('events.register', unescaped))}</a></p>`,
    '</div>',
  ].join('\n')
}
