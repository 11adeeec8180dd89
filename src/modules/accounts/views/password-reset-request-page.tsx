import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

export function PasswordResetRequestPage(p: {
  ctx: ViewContext
  values?: FormValues
  errors?: FieldErrors
  sent?: boolean
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage ctx={p.ctx} title={t('accounts.reset.requestTitle')} errors={p.errors}>
      {p.sent ? (
        <div class="govuk-panel govuk-panel--confirmation" role="status">
          <div class="govuk-panel__body">{t('accounts.reset.sent')}</div>
        </div>
      ) : (
        <>
          <p class="govuk-body">{t('accounts.reset.requestIntro')}</p>
          <PostForm ctx={p.ctx} action="/password-reset">
            {f.text('email', {
              label: t('accounts.fields.email'),
              type: 'email',
              autocomplete: 'email',
              spellcheck: false,
            })}
            <Button>{t('accounts.reset.requestSubmit')}</Button>
          </PostForm>
        </>
      )}
    </FormPage>
  )
}
