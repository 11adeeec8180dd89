import { unescaped } from '../../../kernel/i18n.ts'
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
import type { Recruitment } from '../service.ts'

/** Asking for the link to the application form: an email address (a signed-in person's own filled in). */
export function ApplyPage(p: {
  ctx: ViewContext
  r: Recruitment
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, actor } = p.ctx
  const f = formFields(p.ctx, p.values ?? { email: actor?.email ?? '' }, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.apply.title', { title: p.r.title, ...unescaped })}
      errors={p.errors}
      section="recruitments"
      back={{ href: `/recruitments/${p.r.id}`, label: p.r.title }}
    >
      <p class="govuk-body">{t('recruitment.apply.intro')}</p>
      <PostForm ctx={p.ctx} action={`/recruitments/${p.r.id}/apply`}>
        {f.text('email', {
          label: t('recruitment.apply.email'),
          type: 'email',
          autocomplete: 'email',
          spellcheck: false,
        })}
        <BotTrap id="field-website" label={t('recruitment.apply.website')} />
        <Button>{t('recruitment.apply.send')}</Button>
      </PostForm>
    </FormPage>
  )
}

/** After asking: the same words whether the address had an application or not. */
export function CheckMailPage(p: { ctx: ViewContext; r: Recruitment }) {
  const { t } = p.ctx
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.apply.checkMailTitle')}
      section="recruitments"
      back={{ href: `/recruitments/${p.r.id}`, label: p.r.title }}
    >
      <p class="govuk-body">{t('recruitment.apply.checkMail')}</p>
    </FormPage>
  )
}
