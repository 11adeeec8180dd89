import type { StartSection } from '../../../kernel/module.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'

/**
 * A signed-in person's start page ("Pulpit"): what waits for them, section by section as the
 * modules report it, the urgent lines first and marked in words (not by colour alone); each line
 * links to the page where the person acts on it.
 */
export function StartPage({ ctx, sections }: { ctx: ViewContext; sections: StartSection[] }) {
  const { t } = ctx
  const shown = sections.filter((s) => s.items.length > 0)
  return (
    <Layout ctx={ctx} title={t('site.start.title')} section="home">
      <h1 class="govuk-heading-xl">{t('site.start.title')}</h1>
      <p class="govuk-body-l">{t('site.home.welcome', { name: ctx.actor?.name ?? '' })}</p>
      {shown.length === 0 ? <p class="govuk-body">{t('site.start.nothing')}</p> : ''}
      <div class="siatka-start">
        {shown.map((s) => (
          <section class="siatka-start__section">
            <h2 class="govuk-heading-m" safe>
              {s.heading}
            </h2>
            <ul class="govuk-list siatka-start__list">
              {[...s.items.filter((i) => i.urgent), ...s.items.filter((i) => !i.urgent)].map((i) => (
                <li class={i.urgent ? 'siatka-start__item siatka-start__item--urgent' : 'siatka-start__item'}>
                  {i.urgent ? (
                    <strong class="govuk-tag govuk-tag--red siatka-start__tag">
                      {t('site.start.urgent')}
                    </strong>
                  ) : (
                    ''
                  )}
                  <a class="govuk-link" href={i.href} safe>
                    {i.text}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  )
}
