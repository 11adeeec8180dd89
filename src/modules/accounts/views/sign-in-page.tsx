import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

export function SignInPage(p: {
  ctx: ViewContext
  values?: FormValues
  errors?: FieldErrors
  next?: string
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage ctx={p.ctx} title={t('accounts.signIn.title')} errors={p.errors}>
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
      <p class="govuk-body">
        <a class="govuk-link" href="/register">
          {t('accounts.signIn.join')}
        </a>
      </p>
    </FormPage>
  )
}
