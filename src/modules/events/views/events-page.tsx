import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import { voivodeshipChoices } from '../../projects/index.ts'
import type { EventsQuery } from '../schemas.ts'
import type { EventRow, FilterChoices } from '../service.ts'
import { eventKinds } from '../tables.ts'
import { eventWhen, organiserOf, PlacesLine, placeOf } from './parts.tsx'

/** The public list of events: upcoming soonest first or past latest first, of one kind or all. */
export function EventsPage(p: {
  ctx: ViewContext
  query: EventsQuery
  events: EventRow[]
  next: string | null
  now: Date
  choices: FilterChoices
  mayManage: boolean
}) {
  const { t, lang } = p.ctx
  const q = p.query
  const filters = { organiser: q.organiser, region: q.region, theme: q.theme, from: q.from }
  const f = formFields(p.ctx, { kind: q.kind, when: q.when, ...filters })
  // The filters chosen carry over to the next page; those not chosen stay out of the address.
  const keep = (extra: Record<string, string>) =>
    `/events?${new URLSearchParams({
      when: q.when,
      kind: q.kind,
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')),
      ...extra,
    })}`
  const name = (o: { name_pl: string; name_en: string }) => (lang === 'en' ? o.name_en : o.name_pl)
  return (
    <Layout ctx={p.ctx} title={t('events.title')} section="events">
      <h1 class="govuk-heading-l">{t('events.title')}</h1>
      <p class="govuk-body">{t('events.intro')}</p>
      {p.mayManage ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/events/new">
            {t('events.manage.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <FilterForm action="/events" label={t('events.filter.heading')} submit={t('events.filter.show')}>
        {f.select('when', {
          label: t('events.filter.when'),
          options: (['upcoming', 'past'] as const).map((w) => ({ value: w, label: t(`events.when.${w}`) })),
        })}
        {f.select('kind', {
          label: t('events.filter.kind'),
          options: [
            { value: 'all', label: t('events.filter.allKinds') },
            ...eventKinds.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })),
          ],
        })}
        {f.select('organiser', {
          label: t('events.organiser'),
          options: [
            { value: '', label: t('events.filter.anyOrganiser') },
            { value: 'secretariat', label: t('events.secretariat') },
            ...p.choices.spaces.map((s) => ({
              value: `space:${s.id}`,
              label: name(s),
              group: t('events.form.organiserSpaces'),
            })),
            ...p.choices.projects.map((pr) => ({
              value: `project:${pr.id}`,
              label: name(pr),
              group: t('events.form.organiserProjects'),
            })),
          ],
        })}
        {f.select('region', {
          label: t('events.filter.region'),
          options: [
            { value: '', label: t('events.filter.anyRegion') },
            ...voivodeshipChoices().map((v) => ({ value: v.code, label: v.name })),
          ],
        })}
        {f.select('theme', {
          label: t('events.filter.theme'),
          options: [
            { value: '', label: t('events.filter.anyTheme') },
            ...p.choices.themes.map((th) => ({ value: th.id, label: name(th) })),
          ],
        })}
        {f.date('from', { label: t('events.filter.from') })}
      </FilterForm>
      <h2 class="govuk-heading-m">{t(`events.when.${p.query.when}`)}</h2>
      {p.events.length === 0 ? <p class="govuk-body">{t('events.none')}</p> : ''}
      <ul class="govuk-list siatka-event-list">
        {p.events.map((e) => (
          <li class="govuk-!-margin-bottom-6">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href={`/events/${e.id}`} lang={e.lang} safe>
                {e.title}
              </a>
            </h3>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              <strong class="govuk-tag govuk-tag--blue">{t(`events.kinds.${e.kind}`)}</strong>{' '}
              <span safe>{eventWhen(e, lang)}</span>
            </p>
            <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
              {`${placeOf(p.ctx, e)} · ${organiserOf(p.ctx, e)}`}
            </p>
            {p.query.when === 'upcoming' ? (
              <p class="govuk-body-s govuk-!-margin-bottom-0">
                <PlacesLine ctx={p.ctx} event={e} now={p.now} />
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      <p class="govuk-body">
        {t('events.feeds.subscribe')}{' '}
        <a class="govuk-link" href="/events/feed.atom">
          {t('events.feeds.atom')}
        </a>
        {', '}
        <a class="govuk-link" href="/events/feed.rss">
          {t('events.feeds.rss')}
        </a>
        {', '}
        <a class="govuk-link" href="/events/calendar.ics">
          {t('events.feeds.calendar')}
        </a>
      </p>
      <KeysetNav
        first={keep({})}
        next={p.next ? keep({ after: p.next }) : null}
        continued={p.query.after !== null}
        label={t('events.pages')}
        words={[t('events.pagesFrom'), t('events.pagesMore')]}
      />
    </Layout>
  )
}
