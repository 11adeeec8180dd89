import type { GlobalRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import type { PersonRow } from '../queries.ts'

/** One person for the secretariat: details, global role, and deactivation. */
export function PersonPage(p: {
  ctx: ViewContext
  person: PersonRow
  roles: readonly GlobalRole[]
  canManage: boolean
  roleValue?: string
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const { person } = p
  const f = formFields(p.ctx, { role: p.roleValue ?? person.role }, p.errors)
  const row = (label: string, value: string | null) => (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key" safe>
        {label}
      </dt>
      <dd class="govuk-summary-list__value" safe>
        {value ?? '—'}
      </dd>
    </div>
  )
  return (
    <Layout ctx={p.ctx} errors={p.errors} title={person.name} section="people">
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <a class="govuk-back-link" href="/people">
        {t('accounts.people.back')}
      </a>
      <h1 class="govuk-heading-l" safe>
        {person.name}
      </h1>
      {person.is_active ? '' : <p class="govuk-inset-text">{t('accounts.people.inactiveNote')}</p>}
      <dl class="govuk-summary-list">
        {row(t('accounts.fields.email'), person.email)}
        {row(t('accounts.fields.organisation'), person.organisation_name)}
        {row(t('accounts.fields.position'), person.position)}
        {row(t('accounts.fields.phone'), person.phone)}
        {row(t('accounts.fields.role'), t(`roles.${person.role}`))}
      </dl>
      {p.canManage ? (
        <>
          <h2 class="govuk-heading-m">{t('accounts.people.changeRole')}</h2>
          <PostForm ctx={p.ctx} action={`/people/${person.id}/role`}>
            {f.select('role', {
              label: t('accounts.fields.role'),
              options: p.roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
            })}
            <Button variant="secondary">{t('accounts.people.saveRole')}</Button>
          </PostForm>
          <h2 class="govuk-heading-m">{t('accounts.people.access')}</h2>
          <PostForm
            ctx={p.ctx}
            action={`/people/${person.id}/${person.is_active ? 'deactivate' : 'reactivate'}`}
          >
            <p class="govuk-body">
              {person.is_active ? t('accounts.people.deactivateHint') : t('accounts.people.reactivateHint')}
            </p>
            <Button variant={person.is_active ? 'warning' : 'secondary'}>
              {person.is_active ? t('accounts.people.deactivate') : t('accounts.people.reactivate')}
            </Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
