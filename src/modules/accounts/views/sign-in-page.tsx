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

export function SignInPage(p: {
  ctx: ViewContext
  values?: FormValues
  errors?: FieldErrors
  next?: string
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <Layout ctx={p.ctx} errors={p.errors} title={t('accounts.signIn.title')}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={p.ctx} errors={p.errors} />
          <h1 class="govuk-heading-l">{t('accounts.signIn.title')}</h1>
          <PostForm ctx={p.ctx} action="/sign-in">
            {p.next ? <input type="hidden" name="next" value={p.next} /> : ''}
            {f.text('email', {
              label: t('accounts.fields.email'),
              type: 'email',
              autocomplete: 'email',
              spellcheck: false,
            })}
            {f.text('password', {
              label: t('accounts.fields.password'),
              type: 'password',
              autocomplete: 'current-password',
            })}
            <Button>{t('accounts.signIn.submit')}</Button>
          </PostForm>
          <p class="govuk-body">
            <a class="govuk-link" href="/password-reset">
              {t('accounts.signIn.forgot')}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  )
}
