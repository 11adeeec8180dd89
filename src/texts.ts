// Every text a person sees: the kernel's and each module's Polish and English catalogues (each
// beside its code, in texts/pl.ts and texts/en.ts), merged into one per language and given to the
// kernel's i18n. A key defined by two of them stops the start. Adding a module adds its line here.
import { type Catalogues, useTexts } from './kernel/i18n.ts'
import * as kernel from './kernel/texts/index.ts'
import * as accounts from './modules/accounts/texts/index.ts'
import * as analyses from './modules/analyses/texts/index.ts'
import * as audit from './modules/audit/texts/index.ts'
import * as community from './modules/community/texts/index.ts'
import * as events from './modules/events/texts/index.ts'
import * as materials from './modules/materials/texts/index.ts'
import * as meetings from './modules/meetings/texts/index.ts'
import * as notifications from './modules/notifications/texts/index.ts'
import * as projects from './modules/projects/texts/index.ts'
import * as recruitment from './modules/recruitment/texts/index.ts'
import * as site from './modules/site/texts/index.ts'
import * as spaces from './modules/spaces/texts/index.ts'

const parts = [
  kernel,
  accounts,
  site,
  audit,
  notifications,
  spaces,
  materials,
  meetings,
  analyses,
  projects,
  community,
  events,
  recruitment,
] as const

export type Catalogue = typeof kernel.pl &
  typeof accounts.pl &
  typeof site.pl &
  typeof audit.pl &
  typeof notifications.pl &
  typeof spaces.pl &
  typeof materials.pl &
  typeof meetings.pl &
  typeof analyses.pl &
  typeof projects.pl &
  typeof community.pl &
  typeof events.pl &
  typeof recruitment.pl

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalogue }
    // Values like managing_authority name keys; '_' stays the plural separator only.
    contextSeparator: '§'
  }
}

type Tree = { [key: string]: string | Tree }

/** One catalogue from several: sections they share (mail, notifications.kinds) are merged key by key. */
export function mergeTexts(trees: readonly object[], path = ''): Tree {
  const into: Tree = {}
  for (const tree of trees as Tree[]) {
    for (const [key, value] of Object.entries(tree)) {
      const there = into[key]
      if (there === undefined)
        into[key] = typeof value === 'string' ? value : mergeTexts([value], `${path}${key}.`)
      else if (typeof there === 'string' || typeof value === 'string')
        throw new Error(`The text ${path}${key} is defined twice`)
      else into[key] = mergeTexts([there, value], `${path}${key}.`)
    }
  }
  return into
}

export const catalogues: Catalogues = {
  pl: mergeTexts(parts.map((p) => p.pl)),
  en: mergeTexts(parts.map((p) => p.en)),
}
useTexts(catalogues)
