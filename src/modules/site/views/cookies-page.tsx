import { cookieNames } from '../../../kernel/http.tsx'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'

// The truth about what Siatka stores in the browser: kept in step with kernel/http's cookieNames
// by a test that compares them with every Set-Cookie the app sends.
export const cookieList = [
  { name: cookieNames.session, key: 'session', lifetime: 'days14' },
  { name: cookieNames.csrf, key: 'csrf', lifetime: 'browser' },
  { name: cookieNames.lang, key: 'lang', lifetime: 'year' },
  { name: cookieNames.prefs, key: 'prefs', lifetime: 'year' },
  { name: cookieNames.notice, key: 'notice', lifetime: 'year' },
  { name: cookieNames.flash, key: 'flash', lifetime: 'minute' },
] as const

export function CookiesPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('site.cookies.title')} description={t('site.cookies.intro')}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t('site.cookies.title')}</h1>
          <p class="govuk-body">{t('site.cookies.intro')}</p>
          <p class="govuk-body">{t('site.cookies.noTracking')}</p>
          <div
            class="siatka-table-scroll"
            role="group"
            aria-label={t('site.cookies.tableCaption')}
            tabindex="0"
          >
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">
                {t('site.cookies.tableCaption')}
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    {t('site.cookies.name')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('site.cookies.purpose')}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    {t('site.cookies.lifetime')}
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {cookieList.map((c) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                      <code>{c.name}</code>
                    </td>
                    <td class="govuk-table__cell">{t(`site.cookies.purposes.${c.key}`)}</td>
                    <td class="govuk-table__cell">{t(`site.cookies.lifetimes.${c.lifetime}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </Layout>
  )
}
