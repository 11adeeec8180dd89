import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import type { LinkState } from '../rules.ts'

/** An expired, used or unknown link: say which, and offer the way to a new one. */
export function LinkProblemPage(p: {
  ctx: ViewContext
  kind: 'reset' | 'invitation'
  state: Exclude<LinkState, 'valid'>
  renewAction?: string
}) {
  const { t } = p.ctx
  const title = t(`accounts.link.${p.state}.title`)
  return (
    <Layout ctx={p.ctx} title={title}>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t(`accounts.link.${p.state}.${p.kind}`)}</p>
      {p.kind === 'reset' ? (
        <p class="govuk-body">
          <a class="govuk-button" href="/password-reset">
            {t('accounts.link.newReset')}
          </a>
        </p>
      ) : p.renewAction ? (
        <PostForm ctx={p.ctx} action={p.renewAction}>
          <Button>{t('accounts.link.newInvitation')}</Button>
        </PostForm>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            {t('accounts.link.signIn')}
          </a>
        </p>
      )}
    </Layout>
  )
}
