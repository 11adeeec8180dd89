// The community module's texts: the forum's and profiles' (pl.ts, en.ts) and partner search's and
// messages' (pl-partners.ts, en-partners.ts), one catalogue per language under "community".
import { en as core } from './en.ts'
import { enPartners } from './en-partners.ts'
import { pl as corePl } from './pl.ts'
import { plPartners } from './pl-partners.ts'

export const pl = { ...corePl, community: { ...corePl.community, ...plPartners } } as const
export const en = { ...core, community: { ...core.community, ...enPartners } }
