import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  BotTrap,
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'

/**
 * Joining the community of practice without an invitation: an address, to which the link to make
 * the account goes. A field people do not see (and screen readers do not read) catches the bots
 * that fill every field; after sending, the same answer whatever the address.
 */
export function RegisterPage(p: {
  ctx: ViewContext
  values?: FormValues
  errors?: FieldErrors
  sent?: boolean
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage ctx={p.ctx} title={t('accounts.register.title')} errors={p.errors}>
      {p.sent ? (
        <div class="govuk-panel govuk-panel--confirmation" role="status">
          <div class="govuk-panel__body">{t('accounts.register.sent')}</div>
        </div>
      ) : (
        <>
          <p class="govuk-body">{t('accounts.register.intro')}</p>
          <PostForm ctx={p.ctx} action="/register">
            {f.text('email', {
              label: t('accounts.fields.email'),
              hint: t('accounts.register.emailHint'),
              type: 'email',
              autocomplete: 'email',
              spellcheck: false,
            })}
            <BotTrap id="register-website" label={t('accounts.register.leaveEmpty')} />
            <Button>{t('accounts.register.submit')}</Button>
          </PostForm>
          <p class="govuk-body">
            <a class="govuk-link" href="/sign-in">
              {t('accounts.register.haveAccount')}
            </a>
          </p>
        </>
      )}
    </FormPage>
  )
}
