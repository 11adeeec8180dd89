import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { organisationTypes } from '../tables.ts'

export function OrganisationFormPage(p: {
  ctx: ViewContext
  id?: string
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values ?? { country: 'PL' }, p.errors)
  const title = p.id ? t('accounts.organisations.edit') : t('accounts.organisations.new')
  return (
    <FormPage
      ctx={p.ctx}
      title={title}
      errors={p.errors}
      section="organisations"
      back={{ href: '/organisations', label: t('accounts.organisations.back') }}
    >
      <PostForm ctx={p.ctx} action={p.id ? `/organisations/${p.id}` : '/organisations/new'}>
        {f.text('name', { label: t('accounts.organisations.fields.name'), autocomplete: 'organization' })}
        {f.select('type', {
          label: t('accounts.organisations.fields.type'),
          options: organisationTypes.map((v) => ({
            value: v,
            label: t(`accounts.organisations.types.${v}`),
          })),
        })}
        {f.text('country', {
          label: t('accounts.organisations.fields.country'),
          hint: t('accounts.organisations.fields.countryHint'),
          width: 'govuk-input--width-5',
          autocomplete: 'country',
          maxlength: 2,
        })}
        {f.text('nip', {
          label: t('accounts.organisations.fields.nip'),
          hint: t('accounts.organisations.fields.nipHint'),
          width: 'govuk-input--width-20',
          spellcheck: false,
        })}
        {f.text('regon', {
          label: t('accounts.organisations.fields.regon'),
          hint: t('accounts.organisations.fields.regonHint'),
          width: 'govuk-input--width-20',
          spellcheck: false,
        })}
        {f.textarea('address', { label: t('accounts.organisations.fields.address'), rows: 3 })}
        {f.text('website', {
          label: t('accounts.organisations.fields.website'),
          type: 'url',
          spellcheck: false,
        })}
        <Button>{t('forms.save')}</Button>
      </PostForm>
    </FormPage>
  )
}
