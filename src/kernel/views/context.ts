import type { Lang, T } from '../i18n.ts'
import type { NavEntry } from '../navigation.ts'
import type { Actor, Permission } from '../policy.ts'

export interface Prefs {
  textSize: 'normal' | 'large'
  contrast: 'normal' | 'high'
}

/** What every page needs besides its own data; built once per request in kernel/http. */
export interface ViewContext {
  t: T
  lang: Lang
  actor: Actor | null
  /** Path and query of the current page, for the language and accessibility switches. */
  path: string
  prefs: Prefs
  csrf(): string
  can(permission: Permission): boolean
  flash?: string
  showCookieNotice: boolean
  /** Unread notifications of the signed-in person. */
  unread: number
  /** Every module's pages for the header's menu (kernel/navigation picks the person's). */
  nav: readonly NavEntry[]
}
