import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

export function ProfilePage(p: {
  ctx: ViewContext
  email: string
  organisations: { id: string; name: string }[]
  /** The secretariat chooses its organisation here; anyone else sees the one they represent. */
  choosesOrganisation: boolean
  sessionCount: number
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage ctx={p.ctx} title={t('accounts.profile.title')} errors={p.errors}>
      <p class="govuk-body">
        {t('accounts.fields.email')}: <strong safe>{p.email}</strong>
      </p>
      <PostForm ctx={p.ctx} action="/profile">
        {f.text('name', { label: t('accounts.fields.name'), autocomplete: 'name' })}
        {p.choosesOrganisation ? (
          f.select('organisationId', {
            label: t('accounts.fields.organisation'),
            options: [
              { value: '', label: t('accounts.profile.noOrganisation') },
              ...p.organisations.map((o) => ({ value: o.id, label: o.name })),
            ],
          })
        ) : (
          <div class="govuk-form-group">
            <h2 class="govuk-label govuk-label--s">{t('accounts.fields.organisation')}</h2>
            <p class="govuk-body govuk-!-margin-bottom-1" safe>
              {p.organisations.find((o) => o.id === p.values.organisationId)?.name ?? '—'}
            </p>
            <p class="govuk-hint">{t('accounts.profile.organisationBySecretariat')}</p>
          </div>
        )}
        {f.text('position', { label: t('accounts.fields.position'), autocomplete: 'organization-title' })}
        {f.text('phone', {
          label: t('accounts.fields.phone'),
          type: 'tel',
          autocomplete: 'tel',
          width: 'govuk-input--width-20',
        })}
        {f.radios('lang', {
          label: t('accounts.fields.lang'),
          options: [
            { value: 'pl', label: 'Polski' },
            { value: 'en', label: 'English' },
          ],
        })}
        <Button>{t('forms.save')}</Button>
      </PostForm>
      <h2 class="govuk-heading-m">{t('accounts.profile.sessionsTitle')}</h2>
      <p class="govuk-body">{t('accounts.profile.sessions', { count: p.sessionCount })}</p>
      <PostForm ctx={p.ctx} action="/sign-out-everywhere">
        <Button variant="warning">{t('accounts.profile.signOutEverywhere')}</Button>
      </PostForm>
    </FormPage>
  )
}
