import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { voivodeshipChoices } from '../../projects/index.ts'
import { maxCriteria, maxGroups } from '../rules.ts'
import type { Recruitment, StaffProject } from '../service.ts'
import { criterionRules, esfVersions, tieBreaks } from '../tables.ts'

const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

/**
 * Opening or changing a recruitment: the project, what the public page says, the days, the data
 * version, who may apply, the tie rule, how long data is kept and who sees a PESEL, then rows of
 * target groups and of scoring criteria.
 */
export function RecruitmentFormPage(p: {
  ctx: ViewContext
  recruitment?: Recruitment
  projects: StaffProject[]
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const r = p.recruitment
  const title = r
    ? t('recruitment.manage.editTitle', { title: r.title, ...unescaped })
    : t('recruitment.manage.newTitle')
  const project = p.projects.find((x) => x.id === (p.values.projectId ?? r?.project_id)) ?? p.projects[0]
  return (
    <FormPage
      ctx={p.ctx}
      title={title}
      errors={p.errors}
      section="recruitments-manage"
      back={
        r
          ? { href: `/recruitments/${r.id}`, label: r.title }
          : { href: '/recruitments/manage', label: t('recruitment.manage.title') }
      }
    >
      <PostForm ctx={p.ctx} action={r ? `/recruitments/${r.id}/edit` : '/recruitments/new'}>
        {f.select('projectId', {
          label: t('recruitment.form.projectId'),
          options: (r ? p.projects.filter((x) => x.id === r.project_id) : p.projects).map((x) => ({
            value: x.id,
            label: x.title,
          })),
        })}
        {f.text('title', { label: t('recruitment.form.title'), maxlength: 200 })}
        {f.textarea('scope', {
          label: t('recruitment.form.scope'),
          hint: t('recruitment.form.scopeHint'),
          rows: 6,
        })}
        {f.textarea('whoMayApply', {
          label: t('recruitment.form.whoMayApply'),
          hint: t('recruitment.form.whoMayApplyHint'),
          rows: 4,
        })}
        {f.textarea('howToApply', { label: t('recruitment.form.howToApply'), rows: 3 })}
        {f.textarea('documents', {
          label: t('recruitment.form.documents'),
          hint: t('recruitment.form.documentsHint'),
          rows: 3,
        })}
        {f.textarea('contact', {
          label: t('recruitment.form.contact'),
          hint: t('recruitment.form.contactHint'),
          rows: 3,
        })}
        {f.date('opensOn', { label: t('recruitment.form.opensOn'), hint: t('recruitment.form.dayHint') })}
        {f.date('closesOn', { label: t('recruitment.form.closesOn'), hint: t('recruitment.form.dayHint') })}
        {f.radios('esfVersion', {
          label: t('recruitment.form.esfVersion'),
          hint: t('recruitment.form.esfVersionHint'),
          options: esfVersions.map((v) => ({ value: v, label: t(`recruitment.versions.${v}`) })),
        })}
        {f.select('region', {
          label: t('recruitment.form.region'),
          options: [
            { value: '', label: t('recruitment.form.anyRegion') },
            ...voivodeshipChoices().map((v) => ({ value: v.code, label: v.name })),
          ],
        })}
        {f.text('minAge', { label: t('recruitment.form.minAge'), width: 'govuk-input--width-5' })}
        {f.text('maxAge', { label: t('recruitment.form.maxAge'), width: 'govuk-input--width-5' })}
        {f.radios('tieBreak', {
          label: t('recruitment.form.tieBreak'),
          options: tieBreaks.map((v) => ({ value: v, label: t(`recruitment.tieBreaks.${v}`) })),
        })}
        {f.date('retentionUntil', {
          label: t('recruitment.form.retentionUntil'),
          hint: t('recruitment.form.retentionHint'),
        })}
        {project
          ? f.checkboxes('peselReaders', {
              label: t('recruitment.form.peselReaders'),
              hint: t('recruitment.form.peselReadersHint'),
              options: project.staff.map((s) => ({ value: s.id, label: s.name })),
            })
          : ''}
        <h2 class="govuk-heading-m">{t('recruitment.form.groupsHeading')}</h2>
        <p class="govuk-body">{t('recruitment.form.groupsHint')}</p>
        {rows(maxGroups).map((n) => (
          <div>
            <input type="hidden" name={`groupId${n}`} value={fieldValue(p.values, `groupId${n}`)} />
            {f.text(`group${n}`, { label: t('recruitment.form.group', { n }), maxlength: 200 })}
            {f.text(`places${n}`, {
              label: t('recruitment.form.places', { n }),
              width: 'govuk-input--width-5',
            })}
          </div>
        ))}
        <h2 class="govuk-heading-m">{t('recruitment.form.criteriaHeading')}</h2>
        <p class="govuk-body">{t('recruitment.form.criteriaHint')}</p>
        {rows(maxCriteria).map((n) => (
          <div>
            {f.text(`criterion${n}`, { label: t('recruitment.form.criterion', { n }), maxlength: 200 })}
            {f.select(`rule${n}`, {
              label: t('recruitment.form.rule', { n }),
              options: [
                { value: '', label: t('recruitment.form.noRule') },
                ...criterionRules.map((c) => ({ value: c, label: t(`recruitment.rules.${c}`) })),
              ],
            })}
            {f.text(`points${n}`, {
              label: t('recruitment.form.points', { n }),
              width: 'govuk-input--width-5',
            })}
          </div>
        ))}
        <Button>{t('recruitment.form.save')}</Button>
      </PostForm>
    </FormPage>
  )
}
