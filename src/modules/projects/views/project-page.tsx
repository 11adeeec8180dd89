import { safeDay, today } from '../../../kernel/dates.ts'
import { basisPoints, formatBasisPoints, formatGrosze } from '../../../kernel/money.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { SummaryMarkupRow, SummaryRow } from '../../spaces/index.ts'
import type { ProjectRow } from '../queries.ts'
import { type IndicatorState, indicatorProgress, unitFor } from '../rules.ts'
import { dayRange, programmeCode, projectArea, projectTitle } from './project-name.ts'
import { Contacts, Goals, LatestReport } from './project-parts.tsx'

const stateColour: Record<IndicatorState, string> = {
  not_started: 'grey',
  not_reported: 'yellow',
  behind: 'red',
  on_track: 'blue',
  achieved: 'green',
}

/** A project's page: everything seed 004 shows, as data: programme, period, partners, money, goals, groups, effects. */
export function ProjectPage(p: {
  ctx: ViewContext
  project: ProjectRow
  /** The project's staff and the secretariat report progress here. */
  mayReport: boolean
  /** Its staff and the secretariat change its facts and lists. */
  mayEdit: boolean
  /** A refused report: what was typed, and the problems beside their fields. */
  report?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const pr = p.project
  const name = (pl: string | null, en: string | null) => (lang === 'en' ? en : pl)
  const rate = basisPoints(pr.eu_contribution_grosze, pr.total_value_grosze)
  const day = today()
  const partners = pr.partners
  return (
    <Layout ctx={p.ctx} title={projectTitle(pr)} section="projects" errors={p.report?.errors}>
      <p class="govuk-body">
        <a class="govuk-link" href="/projects">
          {t('projects.back')}
        </a>
      </p>
      {p.report ? <ErrorSummary ctx={p.ctx} errors={p.report.errors} /> : ''}
      <span class="govuk-caption-l" safe>
        {programmeCode(pr)}
      </span>
      <h1 class="govuk-heading-l" safe>
        {projectTitle(pr)}
      </h1>
      <ul class="govuk-list siatka-actions">
        {p.mayEdit ? (
          <>
            <li>
              <a class="govuk-link" href={`/projects/${pr.id}/edit`}>
                {t('projects.form.edit')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/projects/${pr.id}/parts`}>
                {t('projects.parts.link')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
        <li>
          <a class="govuk-link" href={`/projects/${pr.id}/poster.pdf`}>
            {t('projects.poster.link')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/projects/${pr.id}/schedule`}>
            {t('projects.schedule.link')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/projects/${pr.id}/news`}>
            {t('projects.news.link')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/projects/${pr.id}/documents`}>
            {t('projects.documents.link')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/projects/${pr.id}/history`}>
            {t('projects.history.link')}
          </a>
        </li>
      </ul>

      <h2 class="govuk-heading-m">{t('projects.facts')}</h2>
      <dl class="govuk-summary-list">
        <SummaryRow
          label={t('projects.programme')}
          value={
            pr.programme_code ? `${pr.programme_code} – ${name(pr.programme_pl, pr.programme_en)}` : null
          }
        />
        {pr.level === 'measure' ? (
          <>
            <SummaryRow
              label={t('projects.priority')}
              value={`${pr.parent_code} – ${name(pr.parent_pl, pr.parent_en)}`}
            />
            <SummaryRow
              label={t('projects.measure')}
              value={`${pr.measure_code} – ${name(pr.measure_pl, pr.measure_en)}`}
            />
          </>
        ) : (
          <SummaryRow
            label={t('projects.priority')}
            value={`${pr.measure_code} – ${name(pr.measure_pl, pr.measure_en)}`}
          />
        )}
        <SummaryRow label={t('projects.fundingPeriod')} value={pr.period} />
        <SummaryRow
          label={t('projects.period')}
          value={dayRange(t, pr.starts_on, pr.ends_on, safeDay, lang)}
        />
        <SummaryRow label={t('projects.status')} value={t(`projects.statuses.${pr.status}`)} />
        <SummaryRow label={t('projects.lead')} value={pr.lead_name} />
        {pr.agreement_on ? (
          <SummaryRow label={t('projects.agreement')} value={safeDay(pr.agreement_on, lang)} />
        ) : (
          ''
        )}
        <SummaryRow
          label={t('projects.themesRow')}
          value={pr.themes.map((th) => (lang === 'en' ? th.name_en : th.name_pl)).join(', ')}
        />
        <SummaryRow label={t('projects.area')} value={projectArea(t, pr)} />
        <SummaryMarkupRow label={t('projects.groups.steering')}>
          {pr.steering_space_id ? (
            <a class="govuk-link" href={`/spaces/${pr.steering_space_id}`} safe>
              {name(pr.steering_pl, pr.steering_en || pr.steering_pl)}
            </a>
          ) : (
            t('projects.groups.steeringNone')
          )}
        </SummaryMarkupRow>
        {pr.partnership_groups.length ? (
          <SummaryMarkupRow label={t('projects.groups.ofProject')}>
            <ul class="govuk-list govuk-!-margin-bottom-0">
              {pr.partnership_groups.map((g) => (
                <li>
                  <a class="govuk-link" href={`/projects/groups/${g.id}`} safe>
                    {name(g.name_pl, g.name_en || g.name_pl)}
                  </a>
                </li>
              ))}
            </ul>
          </SummaryMarkupRow>
        ) : (
          ''
        )}
      </dl>

      <h2 class="govuk-heading-m">{t('projects.money')}</h2>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('projects.totalValue')} value={formatGrosze(pr.total_value_grosze, lang)} />
        <SummaryRow
          label={t('projects.euContribution')}
          value={formatGrosze(pr.eu_contribution_grosze, lang)}
        />
        <SummaryRow
          label={t('projects.eligibleCosts')}
          value={formatGrosze(pr.eligible_costs_grosze, lang)}
        />
        <SummaryRow
          label={t('projects.coFinancing')}
          value={rate === null ? null : formatBasisPoints(rate, lang)}
        />
      </dl>

      <h2 class="govuk-heading-m">{t('projects.goals')}</h2>
      <Goals ctx={p.ctx} project={pr} level={3} />

      <h2 class="govuk-heading-m">{t('projects.partners')}</h2>
      <Table
        caption={t('projects.partners')}
        headers={[
          t('projects.partnerColumns.name'),
          t('projects.partnerColumns.role'),
          t('projects.partnerColumns.country'),
          t('projects.partnerColumns.ids'),
        ]}
      >
        {[
          {
            role: 'lead' as const,
            name: pr.lead_name,
            country: pr.lead_country,
            nip: pr.lead_nip,
            regon: pr.lead_regon,
          },
          ...partners,
        ].map((o) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell" safe>
              {o.name}
            </td>
            <td class="govuk-table__cell">{t(`projects.partnerRoles.${o.role}`)}</td>
            <td class="govuk-table__cell" safe>
              {o.country}
            </td>
            <td class="govuk-table__cell">
              {o.nip || o.regon ? t('projects.ids', { nip: o.nip ?? '—', regon: o.regon ?? '—' }) : '—'}
            </td>
          </tr>
        ))}
      </Table>
      {partners.length === 0 ? <p class="govuk-body">{t('projects.partnersNone')}</p> : ''}

      <h2 class="govuk-heading-m">{t('projects.targetGroups')}</h2>
      {pr.target_groups.length === 0 ? (
        <p class="govuk-body">{t('projects.targetGroupsNone')}</p>
      ) : (
        <Table
          caption={t('projects.targetGroups')}
          headers={[
            t('projects.groupColumns.name'),
            t('projects.groupColumns.description'),
            { numeric: t('projects.groupColumns.planned') },
          ]}
        >
          {pr.target_groups.map((g) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {g.name}
              </td>
              <td class="govuk-table__cell" safe>
                {g.description || '—'}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {g.planned_people === null ? '—' : String(g.planned_people)}
              </td>
            </tr>
          ))}
        </Table>
      )}

      <h2 class="govuk-heading-m" id="indicators">
        {t('projects.indicators')}
      </h2>
      {pr.indicators.length === 0 ? (
        <p class="govuk-body">{t('projects.indicatorsNone')}</p>
      ) : (
        <Table
          caption={t('projects.indicators')}
          headers={[
            t('projects.indicatorColumns.name'),
            t('projects.indicatorColumns.kind'),
            t('projects.indicatorColumns.target'),
            t('projects.indicatorColumns.latest'),
            { numeric: t('projects.indicatorColumns.achieved') },
            t('projects.indicatorColumns.state'),
          ]}
        >
          {pr.indicators.map((i) => {
            const progress = indicatorProgress(i, i.latest_value, pr, day)
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" safe>
                  {i.name}
                </td>
                <td class="govuk-table__cell">{t(`projects.indicatorKinds.${i.kind}`)}</td>
                <td class="govuk-table__cell">
                  {t('projects.fromBaseline', {
                    target: i.target,
                    unit: unitFor(i.target, i),
                    baseline: i.baseline,
                  })}
                </td>
                <td class="govuk-table__cell">
                  <LatestReport ctx={p.ctx} indicator={i} />
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                  {progress.achievedBp === null ? '—' : formatBasisPoints(progress.achievedBp, lang)}
                </td>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag govuk-tag--${stateColour[progress.state]}`}>
                    {t(`projects.indicatorStates.${progress.state}`)}
                  </strong>
                </td>
              </tr>
            )
          })}
        </Table>
      )}
      {p.mayReport && pr.indicators.length > 0 ? (
        <ReportProgress ctx={p.ctx} project={pr} report={p.report} />
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m" id="contacts">
        {t('projects.contacts')}
      </h2>
      <Contacts ctx={p.ctx} project={pr} />
    </Layout>
  )
}

/** The form to report how far an indicator has come: which, on what day, the value, a comment. */
function ReportProgress(p: {
  ctx: ViewContext
  project: ProjectRow
  report?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.report?.values ?? { reportedOn: today() }, p.report?.errors)
  return (
    <>
      <h2 class="govuk-heading-m" id="report">
        {t('projects.report.title')}
      </h2>
      <p class="govuk-body">
        {t('projects.report.hint', {
          from: safeDay(p.project.starts_on, lang),
          to: safeDay(p.project.ends_on, lang),
        })}
      </p>
      <PostForm ctx={p.ctx} action={`/projects/${p.project.id}/reports`}>
        {f.select('indicatorId', {
          label: t('projects.report.indicator'),
          options: [
            { value: '', label: t('projects.report.choose') },
            ...p.project.indicators.map((i) => ({ value: i.id, label: i.name })),
          ],
        })}
        {f.date('reportedOn', { label: t('projects.report.day') })}
        {f.text('value', { label: t('projects.report.value'), width: 'govuk-input--width-10' })}
        {f.textarea('comment', { label: t('projects.report.comment'), rows: 3 })}
        <Button>{t('projects.report.submit')}</Button>
      </PostForm>
    </>
  )
}
