// The projects module's texts: the project's own (pl.ts, en.ts) and its sub-resources'
// (pl-resources.ts, en-resources.ts), one catalogue per language under "projects".
import { en as core } from './en.ts'
import { enResources } from './en-resources.ts'
import { pl as corePl } from './pl.ts'
import { plResources } from './pl-resources.ts'

export const pl = { projects: { ...corePl.projects, ...plResources } } as const
export const en = { projects: { ...core.projects, ...enResources } }
