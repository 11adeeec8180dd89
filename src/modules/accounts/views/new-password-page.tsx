import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

/** Choosing a password: after a reset link, or (with a name) when accepting an invitation. */
export function NewPasswordPage(p: {
  ctx: ViewContext
  action: string
  email: string
  mode: 'reset' | 'invitation'
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const title = p.mode === 'reset' ? t('accounts.reset.title') : t('accounts.invitation.title')
  return (
    <FormPage ctx={p.ctx} title={title} errors={p.errors}>
      <p class="govuk-body">
        {t('accounts.fields.email')}: <strong safe>{p.email}</strong>
      </p>
      <PostForm ctx={p.ctx} action={p.action}>
        {p.mode === 'invitation'
          ? f.text('name', { label: t('accounts.fields.name'), autocomplete: 'name' })
          : ''}
        {f.text('password', {
          label: t('accounts.fields.newPassword'),
          hint: t('accounts.password.hint', { min: 10 }),
          type: 'password',
          autocomplete: 'new-password',
        })}
        {f.text('passwordConfirm', {
          label: t('accounts.fields.passwordConfirm'),
          type: 'password',
          autocomplete: 'new-password',
        })}
        <Button>{p.mode === 'reset' ? t('accounts.reset.submit') : t('accounts.invitation.submit')}</Button>
      </PostForm>
    </FormPage>
  )
}
