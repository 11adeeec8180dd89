import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button } from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { digest, type MailKind, type NotificationKind, stopOf } from '../rules.ts'

/** The page's question (or what was done) for one kind of mail, the digest, or one thing followed. */
function textOf(ctx: ViewContext, kind: MailKind, done: boolean, followed: string | null) {
  const { t } = ctx
  if (stopOf(kind))
    return followed === null
      ? t('notifications.unsubscribe.goneStop')
      : t(done ? 'notifications.unsubscribe.doneStop' : 'notifications.unsubscribe.questionStop', {
          what: followed,
        })
  if (kind === digest)
    return t(done ? 'notifications.unsubscribe.doneDigest' : 'notifications.unsubscribe.questionDigest')
  return t(done ? 'notifications.unsubscribe.done' : 'notifications.unsubscribe.question', {
    kind: t(`notifications.kindNames.${kind as NotificationKind}`),
  })
}

/**
 * Where a notification mail's unsubscribe address leads in a browser: one button, which posts what a
 * mail program's one-click posts (RFC 8058), so no CSRF token and no JavaScript; then what was done.
 * `followed` names the thing followed a stop link ends (null when it has ended already).
 */
export function UnsubscribePage(p: {
  ctx: ViewContext
  kind: MailKind
  followed: string | null
  action: string
  done: boolean
}) {
  const { t } = p.ctx
  const stop = stopOf(p.kind) !== null
  const safeText = textOf(p.ctx, p.kind, p.done, p.followed)
  return (
    <FormPage ctx={p.ctx} title={t('notifications.unsubscribe.title')}>
      <p class="govuk-body">{safeText}</p>
      {p.done || (stop && p.followed === null) ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/notifications/settings">
            {t('notifications.unsubscribe.settings')}
          </a>
        </p>
      ) : (
        <form method="post" action={p.action}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <Button>
            {t(stop ? 'notifications.unsubscribe.buttonStop' : 'notifications.unsubscribe.button')}
          </Button>
        </form>
      )}
    </FormPage>
  )
}
