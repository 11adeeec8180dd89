import type { Children } from '@kitajs/html'
import { menuFor, type NavEntry, type ShownGroup } from '../navigation.ts'
import type { Actor } from '../policy.ts'
import { assetUrls } from './assets.ts'
import type { ViewContext } from './context.ts'

interface LayoutProps {
  ctx: ViewContext
  title: string
  children: Children
  /** Top-level section the page belongs to, to mark the header link as current. */
  section?: string
  /** A refused form: the title starts with "Błąd:" so a screen reader hears it first. */
  errors?: Record<string, string>
  /** What a search engine shows under the title: a public page says what it holds; others say what Siatka is. */
  description?: string
}

export function Layout({ ctx, title, children, section, errors, description }: LayoutProps) {
  const { t, lang, prefs } = ctx
  const groups = menuFor(ctx, section)
  const htmlClass = [
    'govuk-template',
    prefs.textSize === 'large' ? 'siatka-text-large' : '',
    prefs.contrast === 'high' ? 'siatka-contrast-high' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang} class={htmlClass}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="description" content={description ?? t('layout.description')} />
          <title
            safe
          >{`${errors && Object.keys(errors).length ? `${t('forms.errorPrefix')}: ` : ''}${title} – Siatka`}</title>
          <link rel="stylesheet" href={assetUrls.css} />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <script type="module" src={assetUrls.js} />
        </head>
        <body class="govuk-template__body">
          <a href="#main" class="govuk-skip-link">
            {t('layout.skipLink')}
          </a>
          {ctx.showCookieNotice ? <CookieNotice ctx={ctx} /> : ''}
          <header class="siatka-header">
            <div class="govuk-width-container siatka-header__inner">
              <a class="siatka-header__logo" href="/">
                Siatka
              </a>
              <MainNav ctx={ctx} groups={groups} section={section} />
              <UserMenu ctx={ctx} />
            </div>
            <SectionNav ctx={ctx} groups={groups} section={section} />
            <AccessibilityBar ctx={ctx} />
          </header>
          <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main" tabindex="-1">
              {ctx.flash ? (
                <div class="govuk-notification-banner govuk-notification-banner--success" role="status">
                  <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading" safe>
                      {ctx.flash}
                    </p>
                  </div>
                </div>
              ) : (
                ''
              )}
              {children}
            </main>
          </div>
          <footer class="govuk-footer">
            <div class="govuk-width-container">
              <h2 class="govuk-visually-hidden">{t('layout.footer.heading')}</h2>
              <ul class="govuk-footer__inline-list">
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/cookies">
                    {t('layout.footer.cookies')}
                  </a>
                </li>
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/accessibility">
                    {t('layout.footer.accessibility')}
                  </a>
                </li>
              </ul>
              <p class="govuk-body-s siatka-footer-meta">{t('layout.footer.about')}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  )
}

/**
 * The menu: one link a group (to its first page the person may open). On a narrow screen it folds
 * behind a "Menu" button (a `<details>`, so it opens without JavaScript) and then lists every page of
 * every group; on a wide one it is always open and the current group's pages follow in a row of
 * their own (SectionNav).
 */
function MainNav({ ctx, groups, section }: { ctx: ViewContext; groups: ShownGroup[]; section?: string }) {
  const { t } = ctx
  return (
    <nav class="siatka-header__nav" aria-label={t('layout.nav.label')}>
      <details class="siatka-menu" data-siatka-menu>
        <summary class="siatka-menu__button">{t('layout.nav.menu')}</summary>
        <ul class="siatka-header__list">
          {groups.map((g) => (
            <li class="siatka-menu__group">
              {g.entries.length === 1 ? (
                <NavLink ctx={ctx} entry={g.entries[0]!} current={g.current} class="siatka-header__link" />
              ) : (
                <>
                  <a
                    class={`siatka-header__link${g.current ? ' siatka-header__link--active' : ''}`}
                    href={g.entries[0]!.href}
                    aria-current={g.current ? 'true' : undefined}
                  >
                    {t(`layout.groups.${g.group}` as const)}
                  </a>
                  <ul class="siatka-menu__sub">
                    {g.entries.map((e) => (
                      <li>
                        <NavLink ctx={ctx} entry={e} current={e.key === section} class="siatka-menu__link" />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
          {ctx.actor ? (
            <li class="siatka-menu__group siatka-menu__account">
              <Account ctx={ctx} actor={ctx.actor} class="siatka-menu__account-links" />
            </li>
          ) : (
            ''
          )}
        </ul>
      </details>
    </nav>
  )
}

/** The current group's pages, under the header on a wide screen (the menu lists them on a narrow one). */
function SectionNav({ ctx, groups, section }: { ctx: ViewContext; groups: ShownGroup[]; section?: string }) {
  const group = groups.find((g) => g.current && g.entries.length > 1)
  if (!group) return ''
  return (
    <nav class="siatka-subnav" aria-label={ctx.t(`layout.groups.${group.group}` as const)}>
      <ul class="govuk-width-container siatka-subnav__list">
        {group.entries.map((e) => (
          <li>
            <NavLink ctx={ctx} entry={e} current={e.key === section} class="siatka-subnav__link" />
          </li>
        ))}
      </ul>
    </nav>
  )
}

function NavLink(p: { ctx: ViewContext; entry: NavEntry; current: boolean; class: string }) {
  return (
    <a
      class={`${p.class}${p.current ? ` ${p.class}--active` : ''}`}
      href={p.entry.href}
      aria-current={p.current ? 'page' : undefined}
      safe
    >
      {/* Any module's key: t's overloads do not take the union of every key. */}
      {(p.ctx.t as (key: string) => string)(p.entry.label)}
    </a>
  )
}

function UserMenu({ ctx }: { ctx: ViewContext }) {
  const { t, actor } = ctx
  if (!actor) {
    return (
      <div class="siatka-user">
        <a class="siatka-header__link" href="/sign-in">
          {t('layout.signIn')}
        </a>
      </div>
    )
  }
  return (
    <div class="siatka-user">
      <a class="siatka-header__link" href="/notifications">
        {t('layout.notifications')}
        {ctx.unread > 0 ? (
          <>
            {' '}
            <span class="siatka-count" aria-hidden="true">
              {ctx.unread}
            </span>
            <span class="govuk-visually-hidden">({t('layout.unread', { count: ctx.unread })})</span>
          </>
        ) : (
          ''
        )}
      </a>
      <Account ctx={ctx} actor={actor} class="siatka-user__account" />
    </div>
  )
}

/** The person's name (their profile) and signing out: beside the menu, or in it on a narrow screen. */
function Account({ ctx, actor, class: cls }: { ctx: ViewContext; actor: Actor; class: string }) {
  return (
    <span class={cls}>
      <a class="siatka-header__link" href="/profile" safe>
        {actor.name}
      </a>{' '}
      <form method="post" action="/sign-out" class="siatka-user__form">
        <input type="hidden" name="_csrf" value={ctx.csrf()} />
        <button type="submit" class="siatka-link-button">
          {ctx.t('layout.signOut')}
        </button>
      </form>
    </span>
  )
}

function AccessibilityBar({ ctx }: { ctx: ViewContext }) {
  const { t, prefs, lang } = ctx
  const back = encodeURIComponent(ctx.path)
  const option = (
    href: string,
    label: string,
    current: boolean,
    attrs: { lang?: string; hreflang?: string } = {},
  ) => (
    <a
      class={`siatka-a11y__link${current ? ' siatka-a11y__link--current' : ''}`}
      href={`${href}&back=${back}`}
      aria-current={current ? 'true' : undefined}
      lang={attrs.lang}
      hreflang={attrs.hreflang}
      safe
    >
      {label}
    </a>
  )
  return (
    <div class="siatka-a11y">
      <div class="govuk-width-container siatka-a11y__inner">
        <div class="siatka-a11y__group" role="group" aria-labelledby="a11y-text">
          <span class="siatka-a11y__label" id="a11y-text">
            {t('layout.a11y.textSize')}
          </span>
          {option('/preferences?textSize=normal', t('layout.a11y.textNormal'), prefs.textSize === 'normal')}
          {option('/preferences?textSize=large', t('layout.a11y.textLarge'), prefs.textSize === 'large')}
        </div>
        <div class="siatka-a11y__group" role="group" aria-labelledby="a11y-contrast">
          <span class="siatka-a11y__label" id="a11y-contrast">
            {t('layout.a11y.contrast')}
          </span>
          {option(
            '/preferences?contrast=normal',
            t('layout.a11y.contrastNormal'),
            prefs.contrast === 'normal',
          )}
          {option('/preferences?contrast=high', t('layout.a11y.contrastHigh'), prefs.contrast === 'high')}
        </div>
        <div class="siatka-a11y__group" role="group" aria-labelledby="a11y-lang">
          <span class="siatka-a11y__label" id="a11y-lang">
            {t('layout.a11y.language')}
          </span>
          {option('/preferences?lang=pl', 'Polski', lang === 'pl', { lang: 'pl', hreflang: 'pl' })}
          {option('/preferences?lang=en', 'English', lang === 'en', { lang: 'en', hreflang: 'en' })}
        </div>
      </div>
    </div>
  )
}

// Siatka sets only strictly necessary cookies, so this informs and needs no consent (ePrivacy art. 5(3)).
function CookieNotice({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <section class="govuk-cookie-banner" aria-label={t('layout.cookies.label')}>
      <div class="govuk-cookie-banner__message govuk-width-container">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <div class="govuk-cookie-banner__content">
              <p class="govuk-body">{t('layout.cookies.text')}</p>
            </div>
          </div>
        </div>
        <div class="govuk-button-group">
          <a
            class="govuk-button govuk-button--secondary"
            href={`/preferences?cookieNotice=hide&back=${encodeURIComponent(ctx.path)}`}
          >
            {t('layout.cookies.hide')}
          </a>
          <a class="govuk-link" href="/cookies">
            {t('layout.cookies.more')}
          </a>
        </div>
      </div>
    </section>
  )
}
