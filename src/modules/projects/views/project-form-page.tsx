import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import { groszeForInput } from '../../../kernel/money.ts'
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
import type { ProjectRow } from '../queries.ts'
import { subregions, voivodeshipName, voivodeships } from '../regions.ts'
import type { FactField } from '../rules.ts'
import type { FormChoices } from '../service.ts'
import { projectStatuses } from '../tables.ts'
import { FactValue } from './fact-value.tsx'
import { projectTitle } from './project-name.ts'

const hasAny = (v: FormValues[string]) => (Array.isArray(v) ? v.length > 0 : Boolean(v))

/** A saved project as its form shows it for editing. */
export function projectFormValues(pr: ProjectRow, lang: 'pl' | 'en'): FormValues {
  return {
    title: pr.title,
    acronym: pr.acronym,
    programmeId: pr.programme_id,
    status: pr.status,
    startsOn: pr.starts_on,
    endsOn: pr.ends_on,
    leadOrganisationId: pr.lead_organisation_id,
    agreementOn: pr.agreement_on ?? '',
    totalValue: groszeForInput(pr.total_value_grosze, lang),
    euContribution: groszeForInput(pr.eu_contribution_grosze, lang),
    eligibleCosts: groszeForInput(pr.eligible_costs_grosze, lang),
    mainGoal: pr.main_goal,
    specificGoals: pr.specific_goals,
    themes: pr.themes.map((th) => th.id),
    regions: pr.regions,
    subregions: pr.subregions,
    isPublic: pr.is_public ? 'yes' : '',
    version: String(pr.version),
  }
}

/**
 * A project's facts as one form: adding a project (`project` absent) or changing one. After a stale
 * save (`conflict`) the facts saved meanwhile that differ from what the person typed are shown above
 * the form, theirs beside the typed ones; the form keeps what was typed and now carries the newer
 * version, so saving again, once the two are combined, goes through.
 */
export function ProjectFormPage(p: {
  ctx: ViewContext
  project?: ProjectRow
  choices: FormChoices
  values?: FormValues
  errors?: FieldErrors
  conflict?: { theirs: ProjectRow; differences: { field: FactField; theirs: string; yours: string }[] }
}) {
  const { t, lang } = p.ctx
  const pr = p.project
  const name = (row: { name_pl: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_pl)
  const values = p.values ?? (pr ? projectFormValues(pr, lang) : { status: 'planned', version: '0' })
  const f = formFields(p.ctx, values, p.errors)
  const version = p.conflict?.theirs.version ?? pr?.version ?? 0
  const title = pr
    ? t('projects.form.editTitle', { project: projectTitle(pr), ...unescaped })
    : t('projects.form.newTitle')
  return (
    <FormPage
      ctx={p.ctx}
      title={title}
      errors={p.errors}
      section="projects"
      back={{
        href: pr ? `/projects/${pr.id}` : '/projects',
        label: t(pr ? 'projects.form.backToProject' : 'projects.back'),
      }}
    >
      {p.conflict ? (
        <div class="govuk-!-margin-bottom-6" id="project-theirs">
          <p class="govuk-body">{t('projects.form.conflict')}</p>
          <Table
            showCaption
            caption={t('projects.form.theirs', {
              name: p.conflict.theirs.updated_by_name ?? '—',
              date: formatDateTime(p.conflict.theirs.updated_at, lang),
              ...unescaped,
            })}
            headers={[
              t('projects.history.field'),
              t('projects.form.savedMeanwhile'),
              t('projects.form.typed'),
            ]}
          >
            {p.conflict.differences.map((d) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {t(`projects.history.fields.${d.field}`)}
                </th>
                <td class="govuk-table__cell">
                  <FactValue ctx={p.ctx} field={d.field} value={d.theirs} />
                </td>
                <td class="govuk-table__cell">
                  <FactValue ctx={p.ctx} field={d.field} value={d.yours} />
                </td>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        ''
      )}
      <PostForm ctx={p.ctx} action={pr ? `/projects/${pr.id}/edit` : '/projects'}>
        <input type="hidden" name="version" value={String(version)} />
        {f.text('title', { label: t('projects.form.title') })}
        {f.text('acronym', { label: t('projects.form.acronym'), width: 'govuk-input--width-10' })}
        {f.select('programmeId', {
          label: t('projects.form.programme'),
          hint: t('projects.form.programmeHint'),
          options: [
            { value: '', label: t('projects.form.choose') },
            ...p.choices.programmes.map((m) => ({
              value: m.id,
              label: `${m.programme_code} ${m.code} – ${name(m)} (${m.period})`,
            })),
          ],
        })}
        {f.radios('status', {
          label: t('projects.status'),
          inline: true,
          options: projectStatuses.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) })),
        })}
        {f.date('startsOn', { label: t('projects.form.startsOn') })}
        {f.date('endsOn', { label: t('projects.form.endsOn') })}
        {f.select('leadOrganisationId', {
          label: t('projects.lead'),
          hint: t('projects.form.organisationHint'),
          options: [
            { value: '', label: t('projects.form.choose') },
            ...p.choices.organisations.map((o) => ({ value: o.id, label: o.name })),
          ],
        })}
        {f.date('agreementOn', { label: t('projects.form.agreementOn') })}
        {f.text('totalValue', {
          label: t('projects.totalValue'),
          hint: t('projects.form.moneyHint'),
          width: 'govuk-input--width-20',
        })}
        {f.text('euContribution', {
          label: t('projects.euContribution'),
          hint: t('projects.form.moneyHint'),
          width: 'govuk-input--width-20',
        })}
        {f.text('eligibleCosts', {
          label: t('projects.eligibleCosts'),
          hint: t('projects.form.moneyHint'),
          width: 'govuk-input--width-20',
        })}
        {f.textarea('mainGoal', { label: t('projects.mainGoal'), rows: 4 })}
        {f.textarea('specificGoals', {
          label: t('projects.specificGoals'),
          hint: t('projects.form.specificGoalsHint'),
          rows: 5,
        })}
        {f.checkboxes('themes', {
          label: t('projects.form.themes'),
          options: p.choices.themes.map((th) => ({ value: th.id, label: name(th) })),
        })}
        {f.checkboxes('regions', {
          label: t('projects.form.regions'),
          hint: t('projects.form.regionsHint'),
          options: voivodeships.map((v) => ({ value: v.teryt, label: v.name })),
        })}
        <details
          class="govuk-details"
          open={hasAny(values.subregions) || p.errors?.subregions ? true : undefined}
        >
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('projects.form.subregionsSummary')}</span>
          </summary>
          <div class="govuk-details__text">
            {f.checkboxes('subregions', {
              label: t('projects.form.subregions'),
              hint: t('projects.form.subregionsHint'),
              options: subregions.map((s) => ({
                value: s.nuts3,
                label: `${voivodeshipName(s.voivodeship)}: ${s.name} (${s.nuts3})`,
              })),
            })}
          </div>
        </details>
        {f.checkboxes('isPublic', {
          label: t('projects.form.publication'),
          options: [{ value: 'yes', label: t('projects.form.isPublic') }],
        })}
        <Button>{t(pr ? 'projects.form.save' : 'projects.form.create')}</Button>
      </PostForm>
    </FormPage>
  )
}
