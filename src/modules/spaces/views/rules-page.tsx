import { safeDay } from '../../../kernel/dates.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { Space } from '../service.ts'
import { type SpaceMay, SpacePage } from './space-page.tsx'

interface Version {
  id: string
  version: number
  body: string
  effective_on: string
  adopted_ref: string | null
  notice_days: number
  materials_days: number
  quorum_percent: number
  created_by_name: string
}

/** The rules of procedure: the newest version in full, every earlier one still readable below it. */
export function RulesPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Version[]
  page: Page
  hasNext: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const meta = (v: Version) => (
    <p class="govuk-body-s">
      {t('spaces.rules.effective')}: {safeDay(v.effective_on, lang)}. {t('spaces.rules.adopted')}:{' '}
      {v.adopted_ref ? <span safe>{v.adopted_ref}</span> : t('spaces.rules.notAdopted')}.{' '}
      {t('spaces.rules.periods', {
        notice: t('spaces.rules.days', { count: v.notice_days }),
        materials: t('spaces.rules.days', { count: v.materials_days }),
        quorum: v.quorum_percent,
      })}
    </p>
  )
  const [current, ...older] = p.page.number === 1 ? p.rows : [undefined, ...p.rows]
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="rules"
      title={t('spaces.rules.title')}
      errors={p.errors}
    >
      {p.may['space.settings'] ? (
        <p class="govuk-body">
          <a class="govuk-button" href={`/spaces/${s.id}/rules/new`}>
            {t('spaces.rules.newVersion')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? <p class="govuk-body">{t('spaces.rules.none')}</p> : ''}
      {current ? (
        <section class="siatka-prose" aria-labelledby="rules-current">
          <h3 class="govuk-heading-m" id="rules-current">
            {t('spaces.rules.version', { version: current.version })}
          </h3>
          {meta(current)}
          {safeMarkdown(current.body, 4)}
          {p.may['space.settings'] && !current.adopted_ref ? (
            <PostForm ctx={p.ctx} action={`/spaces/${s.id}/rules/${current.id}/adopt`}>
              {formFields(p.ctx, p.values, p.errors).text('adoptedRef', {
                label: t('spaces.rules.adoptedRef'),
                width: 'govuk-input--width-20',
              })}
              <Button variant="secondary">{t('spaces.rules.markAdopted')}</Button>
            </PostForm>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {older.length > 0 ? (
        <>
          <h3 class="govuk-heading-m">{t('spaces.rules.older')}</h3>
          {older.map((v) =>
            v ? (
              <details class="govuk-details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">
                    {t('spaces.rules.version', { version: v.version })}
                  </span>
                </summary>
                <div class="govuk-details__text siatka-prose">
                  {meta(v)}
                  {safeMarkdown(v.body, 4)}
                </div>
              </details>
            ) : (
              ''
            ),
          )}
        </>
      ) : (
        ''
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path={`/spaces/${s.id}/rules`} query={{}} />
    </SpacePage>
  )
}

export function NewRulesPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const s = p.space
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="rules"
      title={t('spaces.rules.newVersion')}
      errors={p.errors}
    >
      <PostForm ctx={p.ctx} action={`/spaces/${s.id}/rules`}>
        {f.textarea('body', { label: t('spaces.rules.body'), hint: t('spaces.rules.bodyHint'), rows: 20 })}
        {f.date('effectiveOn', { label: t('spaces.rules.effectiveOn') })}
        {f.text('noticeDays', {
          label: t('spaces.rules.noticeDays'),
          hint: t('spaces.rules.noticeDaysHint'),
          width: 'govuk-input--width-5',
          type: 'number',
        })}
        {f.text('materialsDays', {
          label: t('spaces.rules.materialsDays'),
          hint: t('spaces.rules.materialsDaysHint'),
          width: 'govuk-input--width-5',
          type: 'number',
        })}
        {f.text('quorumPercent', {
          label: t('spaces.rules.quorumPercent'),
          hint: t('spaces.rules.quorumPercentHint'),
          width: 'govuk-input--width-5',
          type: 'number',
        })}
        {f.text('adoptedRef', {
          label: t('spaces.rules.adoptedRef'),
          hint: t('spaces.rules.adoptedRefHint'),
        })}
        <Button>{t('forms.save')}</Button>
      </PostForm>
    </SpacePage>
  )
}
