import { addDays, formatDate, safeDay } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { SpaceRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { guestRoles } from '../rules.ts'
import type { Space } from '../service.ts'
import type { Representation } from '../tables.ts'
import { SeatCells, type SpaceMay, SpacePage } from './space-page.tsx'

export const day = (d: string, lang: 'pl' | 'en') => formatDate(new Date(`${d}T12:00:00Z`), lang)

interface Member {
  id: string
  name: string
  role: SpaceRole
  represents: Representation
  organisation_name: string | null
  starts_on: string
  ends_on: string | null
  proposal_id: string | null
  decision_ref: string | null
  deputy_for_name: string | null
}

export function MembersPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Member[]
  /** Seats of a composition approved to begin later, by the day they begin. */
  upcoming: Member[]
  page: Page
  hasNext: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const f = formFields(p.ctx, p.values ?? { role: 'expert' }, p.errors)
  const upcoming = new Map<string, Member[]>()
  for (const m of p.upcoming) {
    const seats = upcoming.get(m.starts_on)
    if (seats) seats.push(m)
    else upcoming.set(m.starts_on, [m])
  }
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="members"
      title={t('spaces.tabs.members')}
      errors={p.errors}
    >
      {p.rows.length === 0 ? (
        upcoming.size === 0 ? (
          <p class="govuk-body">{t('spaces.members.none')}</p>
        ) : (
          ''
        )
      ) : (
        <Table
          caption={t('spaces.tabs.members')}
          headers={[
            t('spaces.members.person'),
            t('spaces.members.role'),
            t('spaces.members.represents'),
            t('spaces.members.since'),
            t('spaces.members.basis'),
          ]}
        >
          {p.rows.map((m) => (
            <tr class="govuk-table__row">
              <SeatCells ctx={p.ctx} seat={m} />
              <td class="govuk-table__cell">
                {safeDay(m.starts_on, lang)}
                {m.ends_on ? ` – ${safeDay(m.ends_on, lang)}` : ''}
              </td>
              <td class="govuk-table__cell">
                {m.proposal_id ? (
                  <a class="govuk-link" href={`/spaces/${s.id}/compositions/${m.proposal_id}`} safe>
                    {m.decision_ref ?? ''}
                  </a>
                ) : (
                  <>
                    {t('spaces.members.guestBasis')}
                    {p.may['space.settings'] ? (
                      <PostForm ctx={p.ctx} action={`/spaces/${s.id}/guests/${m.id}/end`}>
                        <button
                          type="submit"
                          class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          aria-label={t('spaces.members.endAccessLabel', { name: m.name })}
                        >
                          {t('spaces.members.endAccess')}
                        </button>
                      </PostForm>
                    ) : (
                      ''
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path={`/spaces/${s.id}/members`} query={{}} />
      {[...upcoming].map(([startsOn, seats], i) => {
        const heading = t('spaces.members.upcoming', { day: safeDay(startsOn, lang) })
        const decided = seats[0]
        return (
          <>
            <h3 class="govuk-heading-m">{heading}</h3>
            <p class="govuk-body">
              {t('spaces.members.upcomingDecision')}{' '}
              <a class="govuk-link" href={`/spaces/${s.id}/compositions/${decided.proposal_id}`} safe>
                {decided.decision_ref ?? ''}
              </a>
              .
              {i === 0 && p.rows.length > 0
                ? ` ${t('spaces.members.upcomingReplaces', { until: safeDay(addDays(startsOn, -1), lang) })}`
                : ''}
            </p>
            <Table
              caption={heading}
              headers={[t('spaces.members.person'), t('spaces.members.role'), t('spaces.members.represents')]}
            >
              {seats.map((m) => (
                <tr class="govuk-table__row">
                  <SeatCells ctx={p.ctx} seat={m} />
                </tr>
              ))}
            </Table>
          </>
        )
      })}
      {p.may['space.settings'] ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m" id="guests">
              {t('spaces.guests.title')}
            </h2>
            <p class="govuk-body">{t('spaces.guests.intro')}</p>
            <PostForm ctx={p.ctx} action={`/spaces/${s.id}/guests`}>
              {f.text('name', {
                label: t('spaces.guests.name'),
                hint: t('spaces.guests.nameHint'),
                autocomplete: 'off',
              })}
              {f.text('email', {
                label: t('spaces.guests.email'),
                type: 'email',
                autocomplete: 'off',
                spellcheck: false,
              })}
              {f.radios('role', {
                label: t('spaces.guests.role'),
                inline: true,
                options: guestRoles.map((r) => ({ value: r, label: t(`spaces.roles.${r}`) })),
              })}
              {f.date('startsOn', { label: t('spaces.guests.startsOn') })}
              {f.date('endsOn', { label: t('spaces.guests.endsOn') })}
              <Button>{t('spaces.guests.submit')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </SpacePage>
  )
}
