// The header's menu for twelve modules: a few fixed groups in a fixed order, each module placing its
// pages in one of them (SiatkaModule.nav). A person sees a group only when it holds a page they may
// open; the group's link goes to its first such page, and the page's group lists its siblings.
import type { MessageKey } from './i18n.ts'
import type { Permission } from './policy.ts'
import type { ViewContext } from './views/context.ts'

export const navGroups = [
  'start',
  'spaces',
  'meetings',
  'documents',
  'projects',
  'community',
  'events',
  'admin',
] as const
export type NavGroup = (typeof navGroups)[number]

export interface NavEntry {
  group: NavGroup
  /** The page's section: a page names it (Layout's `section`) to mark its link and its group. */
  key: string
  href: string
  label: MessageKey
  /** Who sees the link: a route permission, or 'anonymous' for a visitor's version of a page. */
  shownTo: Permission | 'anonymous'
}

export interface ShownGroup {
  group: NavGroup
  entries: NavEntry[]
  current: boolean
}

const shown = (ctx: Pick<ViewContext, 'actor' | 'can'>, e: NavEntry) =>
  e.shownTo === 'anonymous' ? ctx.actor === null : ctx.can(e.shownTo)

/** The groups a person sees, in order, each with the pages they may open in it. */
export function menuFor(
  ctx: Pick<ViewContext, 'actor' | 'can' | 'nav'>,
  section: string | undefined,
): ShownGroup[] {
  return navGroups.flatMap((group) => {
    const entries = ctx.nav.filter((e) => e.group === group && shown(ctx, e))
    return entries.length ? [{ group, entries, current: entries.some((e) => e.key === section) }] : []
  })
}
