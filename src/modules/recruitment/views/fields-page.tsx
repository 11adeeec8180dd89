import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { OwnField } from '../fields.ts'
import type { Recruitment } from '../service.ts'
import { fieldKinds } from '../tables.ts'

/** The project staff's own questions on the form: those asked, each removed by a button, and adding one. */
export function FieldsPage(p: {
  ctx: ViewContext
  r: Recruitment
  fields: OwnField[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const base = `/recruitments/${p.r.id}/fields`
  const f = formFields(p.ctx, p.values ?? { kind: 'text' }, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.fields.title', { title: p.r.title, ...unescaped })}
      errors={p.errors}
      section="recruitments-manage"
      back={{ href: `/recruitments/${p.r.id}`, label: p.r.title }}
    >
      <p class="govuk-body">{t('recruitment.fields.intro')}</p>
      {p.fields.length === 0 ? (
        <p class="govuk-body">{t('recruitment.fields.none')}</p>
      ) : (
        <ol class="govuk-list govuk-list--number">
          {p.fields.map((x) => (
            <li>
              <span class="govuk-!-font-weight-bold" safe>
                {x.label}
              </span>
              <span class="govuk-body-s siatka-check-in__detail">
                {t(`recruitment.fields.kinds.${x.kind}`)}
                {x.required ? ` · ${t('recruitment.fields.requiredTag')}` : ''}
              </span>
              {x.options.length ? (
                <span class="govuk-body-s siatka-check-in__detail" safe>
                  {x.options.join(' · ')}
                </span>
              ) : (
                ''
              )}
              <PostForm ctx={p.ctx} action={`${base}/${x.id}/remove`}>
                <Button variant="warning">
                  {t('recruitment.fields.remove')}
                  <span class="govuk-visually-hidden" safe>{`: ${x.label}`}</span>
                </Button>
              </PostForm>
            </li>
          ))}
        </ol>
      )}
      <h2 class="govuk-heading-m">{t('recruitment.fields.add')}</h2>
      <PostForm ctx={p.ctx} action={base}>
        {f.radios('kind', {
          label: t('recruitment.fields.kind'),
          options: fieldKinds.map((k) => ({ value: k, label: t(`recruitment.fields.kinds.${k}`) })),
        })}
        {f.text('label', { label: t('recruitment.fields.label'), maxlength: 300 })}
        {f.textarea('options', {
          label: t('recruitment.fields.options'),
          hint: t('recruitment.fields.optionsHint'),
          rows: 4,
        })}
        {f.checkboxes('required', {
          label: t('recruitment.fields.required'),
          options: [{ value: 'yes', label: t('recruitment.fields.requiredOption') }],
        })}
        <Button>{t('recruitment.fields.add')}</Button>
      </PostForm>
    </FormPage>
  )
}
