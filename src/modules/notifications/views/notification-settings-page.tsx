import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { notificationKinds } from '../rules.ts'
import { deliveries } from '../tables.ts'

export function NotificationSettingsPage(p: { ctx: ViewContext; values: FormValues; errors?: FieldErrors }) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('notifications.settings.title')}
      errors={p.errors}
      back={{ href: '/notifications', label: t('notifications.title') }}
    >
      <p class="govuk-body">{t('notifications.settings.intro')}</p>
      <PostForm ctx={p.ctx} action="/notifications/settings">
        {f.radios('delivery', {
          label: t('notifications.settings.delivery'),
          options: deliveries.map((d) => ({ value: d, label: t(`notifications.settings.options.${d}`) })),
        })}
        <input type="hidden" name="mail" value="" />
        {f.checkboxes('mail', {
          label: t('notifications.settings.mail'),
          hint: t('notifications.settings.mailHint'),
          options: notificationKinds().map((k) => ({ value: k, label: t(`notifications.kindNames.${k}`) })),
        })}
        <Button>{t('forms.save')}</Button>
      </PostForm>
    </FormPage>
  )
}
