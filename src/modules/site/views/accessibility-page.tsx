import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'

/** Deklaracja dostępności: required of Polish public bodies (ustawa z 4 kwietnia 2019 r.). */
export function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('site.accessibility.title')} description={t('site.accessibility.intro')}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t('site.accessibility.title')}</h1>
          <p class="govuk-body">{t('site.accessibility.intro')}</p>
          <h2 class="govuk-heading-m">{t('site.accessibility.statusTitle')}</h2>
          <p class="govuk-body">{t('site.accessibility.status')}</p>
          <h2 class="govuk-heading-m">{t('site.accessibility.featuresTitle')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            <li>{t('site.accessibility.features.keyboard')}</li>
            <li>{t('site.accessibility.features.text')}</li>
            <li>{t('site.accessibility.features.contrast')}</li>
            <li>{t('site.accessibility.features.noJs')}</li>
          </ul>
          <h2 class="govuk-heading-m">{t('site.accessibility.contactTitle')}</h2>
          <p class="govuk-body">{t('site.accessibility.contact')}</p>
        </div>
      </div>
    </Layout>
  )
}
