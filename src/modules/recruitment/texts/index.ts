// The recruitment module's texts, one catalogue per language.
export { en } from './en.ts'
export { pl } from './pl.ts'
