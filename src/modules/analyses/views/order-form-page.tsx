import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { type SpaceMay, SpacePage } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'

export interface ExpertChoice {
  id: string
  name: string
  email: string
  is_expert: boolean
}

/** Ordering an analysis: what, by when, for how much, from whom and under which contract. */
export function OrderFormPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  experts: ExpertChoice[]
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const base = `/spaces/${p.space.id}/analyses`
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="analyses"
      title={t('analyses.new')}
      errors={p.errors}
    >
      <a class="govuk-back-link" href={base}>
        {t('analyses.backToList')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">{t('analyses.form.text')}</p>
          <PostForm ctx={p.ctx} action={`${base}/new`}>
            {f.text('title', { label: t('analyses.fields.title'), hint: t('analyses.form.titleHint') })}
            {f.textarea('scope', {
              label: t('analyses.fields.scope'),
              hint: t('analyses.form.scopeHint'),
              rows: 8,
            })}
            {f.date('deadline', {
              label: t('analyses.fields.deadline'),
              hint: t('analyses.form.deadlineHint'),
            })}
            {f.text('budget', {
              label: t('analyses.fields.budget'),
              hint: t('analyses.form.budgetHint'),
              width: 'govuk-input--width-10',
              autocomplete: 'off',
              spellcheck: false,
            })}
            {f.select('expertId', {
              label: t('analyses.fields.expert'),
              hint: t('analyses.form.expertHint'),
              options: [
                { value: '', label: t('analyses.form.chooseExpert') },
                ...p.experts.map((e) => ({
                  value: e.id,
                  label: e.is_expert
                    ? t('analyses.form.expertOptionExpert', {
                        name: e.name,
                        email: e.email,
                        ...unescaped,
                      })
                    : t('analyses.form.expertOption', {
                        name: e.name,
                        email: e.email,
                        ...unescaped,
                      }),
                })),
              ],
            })}
            {f.text('contractRef', {
              label: t('analyses.fields.contractRef'),
              hint: t('analyses.form.contractRefHint'),
              width: 'govuk-input--width-20',
            })}
            <Button>{t('analyses.form.submit')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
