import type { GlobalRole } from '../../../kernel/policy.ts'
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
    <Layout ctx={p.ctx} errors={p.errors} title={t('accounts.invite.title')} section="people">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={p.ctx} errors={p.errors} />
          <a class="govuk-back-link" href="/people">
            {t('accounts.people.back')}
          </a>
          <h1 class="govuk-heading-l">{t('accounts.invite.title')}</h1>
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
        </div>
      </div>
    </Layout>
  )
}
