// The community module's texts: the forum's and profiles' (pl.ts, en.ts), partner search's and
// messages' (pl-partners.ts, en-partners.ts) and the knowledge base's (pl-knowledge.ts,
// en-knowledge.ts), one catalogue per language under "community".
import { en as core } from './en.ts'
import { enKnowledge } from './en-knowledge.ts'
import { enPartners } from './en-partners.ts'
import { pl as corePl } from './pl.ts'
import { plKnowledge } from './pl-knowledge.ts'
import { plPartners } from './pl-partners.ts'

export const pl = { ...corePl, community: { ...corePl.community, ...plPartners, ...plKnowledge } } as const
export const en = { ...core, community: { ...core.community, ...enPartners, ...enKnowledge } }
