import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button } from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { digest, type MailKind } from '../rules.ts'

/**
 * Where a notification mail's unsubscribe address leads in a browser: one button, which posts what a
 * mail program's one-click posts (RFC 8058), so no CSRF token and no JavaScript; then what was done.
 */
export function UnsubscribePage(p: { ctx: ViewContext; kind: MailKind; action: string; done: boolean }) {
  const { t } = p.ctx
  const kind = p.kind === digest ? '' : t(`notifications.kindNames.${p.kind}`)
  const text =
    p.kind === digest
      ? t(p.done ? 'notifications.unsubscribe.doneDigest' : 'notifications.unsubscribe.questionDigest')
      : t(p.done ? 'notifications.unsubscribe.done' : 'notifications.unsubscribe.question', { kind })
  return (
    <FormPage ctx={p.ctx} title={t('notifications.unsubscribe.title')}>
      <p class="govuk-body">{text}</p>
      {p.done ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/notifications/settings">
            {t('notifications.unsubscribe.settings')}
          </a>
        </p>
      ) : (
        <form method="post" action={p.action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <Button>{t('notifications.unsubscribe.button')}</Button>
        </form>
      )}
    </FormPage>
  )
}
