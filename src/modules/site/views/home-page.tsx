import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'

export function HomePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('site.home.title')} section="home" description={t('site.home.lead')}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">{t('site.home.title')}</h1>
          <p class="govuk-body-l">{t('site.home.lead')}</p>
          <p class="govuk-body">
            <a class="govuk-button govuk-button--start" href="/sign-in">
              {t('layout.signIn')}
            </a>
          </p>
        </div>
      </div>
      <div class="govuk-grid-row">
        {(['networks', 'projects', 'community'] as const).map((k) => (
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">{t(`site.home.${k}.title`)}</h2>
            <p class="govuk-body">{t(`site.home.${k}.text`)}</p>
          </div>
        ))}
      </div>
    </Layout>
  )
}
