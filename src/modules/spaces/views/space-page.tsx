import type { Children } from '@kitajs/html'
import type { SpacePermission, SpaceRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { ErrorSummary, type FieldErrors } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { nameOf, type Space } from '../service.ts'
import type { Representation } from '../tables.ts'

export type SpaceTab =
  | 'overview'
  | 'meetings'
  | 'decisions'
  | 'members'
  | 'compositions'
  | 'schedule'
  | 'announcements'
  | 'rules'
  | 'analyses'
  | 'settings'

/** What the person may do in this space, decided by the policy in the route. */
export type SpaceMay = Record<SpacePermission, boolean>

/**
 * Every page of a space: its name, its type, and the parts of the space as links (each a page,
 * so they work without JavaScript); the current one is marked for screen readers too.
 */
export function SpacePage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  tab: SpaceTab
  /** The page's own title; the space's name is added. */
  title?: string
  errors?: FieldErrors
  /** Which of the page's forms the errors are of, when it names its fields (`formFields`' `form`). */
  errorForm?: string
  children: Children
}) {
  const { t, lang } = p.ctx
  const name = nameOf(p.space, lang)
  const tabs: [SpaceTab, string, string][] = [
    ['overview', '', t('spaces.tabs.overview')],
    ['members', '/members', t('spaces.tabs.members')],
    ['meetings', '/meetings', t('spaces.tabs.meetings')],
    ['decisions', '/decisions', t('spaces.tabs.decisions')],
    ['compositions', '/compositions', t('spaces.tabs.compositions')],
    ['schedule', '/schedule', t('spaces.tabs.schedule')],
    ['announcements', '/announcements', t('spaces.tabs.announcements')],
    ['rules', '/rules', t('spaces.tabs.rules')],
    ['analyses', '/analyses', t('spaces.tabs.analyses')],
  ]
  if (p.may['space.settings']) tabs.push(['settings', '/settings', t('spaces.settings')])
  return (
    <Layout ctx={p.ctx} title={p.title ? `${p.title} – ${name}` : name} section="spaces" errors={p.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} form={p.errorForm} />
      <span class="govuk-caption-l">{t(`spaces.types.${p.space.type}`)}</span>
      <h1 class="govuk-heading-l" safe>
        {name}
      </h1>
      <nav aria-label={t('spaces.tabs.label')}>
        <ul class="siatka-tabs">
          {tabs.map(([key, suffix, label]) => (
            <li>
              <a
                class="siatka-tabs__link"
                href={`/spaces/${p.space.id}${suffix}`}
                aria-current={key === p.tab ? 'page' : undefined}
                safe
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.title ? (
        <h2 class="govuk-heading-m" safe>
          {p.title}
        </h2>
      ) : (
        ''
      )}
      {p.children}
    </Layout>
  )
}

/** A row of a summary list: a term and its value (user content, escaped). */
export function SummaryRow(p: { label: string; value: string | null | undefined }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key" safe>
        {p.label}
      </dt>
      <dd class="govuk-summary-list__value" safe>
        {p.value || '—'}
      </dd>
    </div>
  )
}

/** A row of a summary list whose value is markup (a status tag). */
export function SummaryMarkupRow({ label, children }: { label: string; children: Children }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key" safe>
        {label}
      </dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  )
}

/** A status shown as a govuk tag, with its text (never colour alone). */
export function StatusTag(p: {
  label: string
  colour?: 'grey' | 'green' | 'blue' | 'yellow' | 'red' | 'orange'
}) {
  return (
    <strong class={`govuk-tag${p.colour ? ` govuk-tag--${p.colour}` : ''}`} safe>
      {p.label}
    </strong>
  )
}

/**
 * A seat's first cells in a table: the person (with their organisation), their role, whom they
 * represent. Cells given as children come right after the person (what changes in their seat), so
 * a narrow screen shows them before its table scrolls.
 */
export function SeatCells(p: {
  ctx: ViewContext
  seat: {
    name: string
    organisation_name: string | null
    role: SpaceRole
    represents: Representation
    /** The member a deputy stands in for. */
    deputy_for_name?: string | null
  }
  children?: Children
}) {
  const { t } = p.ctx
  return (
    <>
      <td class="govuk-table__cell">
        <span safe>{p.seat.name}</span>
        {p.seat.organisation_name ? (
          <>
            <br />
            <span class="govuk-body-s" safe>
              {p.seat.organisation_name}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      {p.children ?? ''}
      <td class="govuk-table__cell">
        {t(`spaces.roles.${p.seat.role}`)}
        {p.seat.deputy_for_name ? (
          <>
            <br />
            <span class="govuk-body-s">
              {t('spaces.members.deputyFor', { name: p.seat.deputy_for_name })}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td class="govuk-table__cell">{t(`spaces.representations.${p.seat.represents}`)}</td>
    </>
  )
}
