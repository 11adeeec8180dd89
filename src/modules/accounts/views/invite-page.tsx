import type { GlobalRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

export function InvitePage(p: {
  ctx: ViewContext
  roles: readonly GlobalRole[]
  organisations: { id: string; name: string }[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values ?? { role: 'member' }, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('accounts.invite.title')}
      errors={p.errors}
      section="people"
      back={{ href: '/people', label: t('accounts.people.back') }}
    >
      <p class="govuk-body">{t('accounts.invite.intro')}</p>
      <PostForm ctx={p.ctx} action="/people/invite">
        {f.text('email', { label: t('accounts.fields.email'), type: 'email', spellcheck: false })}
        {f.select('role', {
          label: t('accounts.fields.role'),
          options: p.roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
        })}
        {f.select('organisationId', {
          label: t('accounts.fields.organisation'),
          options: [
            { value: '', label: t('accounts.profile.noOrganisation') },
            ...p.organisations.map((o) => ({ value: o.id, label: o.name })),
          ],
        })}
        <Button>{t('accounts.invite.submit')}</Button>
      </PostForm>
    </FormPage>
  )
}
