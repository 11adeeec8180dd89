import type { ViewContext } from './context.ts'
import { Layout } from './layout.tsx'

export type ErrorKind = 400 | 403 | 404 | 422 | 429 | 500 | 'csrf'

const keys = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'notFound',
  422: 'rule',
  429: 'tooMany',
  500: 'server',
  csrf: 'csrf',
} as const

/** Error pages in the person's language; a 500 never shows what went wrong inside. */
export function ErrorPage({ ctx, kind }: { ctx: ViewContext; kind: ErrorKind }) {
  const { t } = ctx
  const key = keys[kind]
  return (
    <Layout ctx={ctx} title={t(`errors.pages.${key}.title`)}>
      <h1 class="govuk-heading-l">{t(`errors.pages.${key}.title`)}</h1>
      <p class="govuk-body">{t(`errors.pages.${key}.text`)}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          {t('errors.pages.home')}
        </a>
      </p>
    </Layout>
  )
}
