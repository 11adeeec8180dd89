// How well an organisation or a partner request matches what someone looks for. Each criterion a
// search asks for is met or not; a met criterion adds its weight, so an organisation working on the
// theme counts for more than one in the right region. The weights are used twice, in one place: the
// partner search's SQL orders by the same sum (queries.ts builds it from `criterionWeights`), and
// `explainMatch` tells the reader which criteria a result meets and which not.

/** EU programmes a project idea may aim at, and that organisations have worked in. */
export const programmes = [
  'esf_plus',
  'erasmus_plus',
  'interreg',
  'horizon_europe',
  'cerv',
  'creative_europe',
  'life',
  'amif',
  'other',
] as const
export type Programme = (typeof programmes)[number]

/** An organisation's size by its staff, as the EU's SME definition counts it. */
export const organisationSizes = ['micro', 'small', 'medium', 'large'] as const

/** What a partner search may ask for. */
export const criteria = ['theme', 'kind', 'country', 'language', 'programme', 'region'] as const
export type Criterion = (typeof criteria)[number]

/** A met criterion's weight: a shared theme matters most, a region least. */
export const criterionWeights: Record<Criterion, number> = {
  theme: 3,
  kind: 2,
  country: 2,
  language: 2,
  programme: 1,
  region: 1,
}

/** What a search asks for: for each criterion, the values any one of which meets it (none: not asked). */
export type Wanted = Record<Criterion, readonly string[]>

/**
 * What a result offers for each criterion. An organisation has one kind and country and its lists of
 * themes, languages and programmes; a request names the partner it seeks, and a list it leaves empty
 * is open to any (`openToAny`), which meets whatever is asked.
 */
export interface Offered {
  values: Record<Criterion, readonly string[]>
  openToAny?: readonly Criterion[]
}

export interface Match {
  score: number
  met: Criterion[]
  unmet: Criterion[]
}

/** Whether `value` (a region's NUTS code) lies in one of the regions asked for (a code and its prefixes). */
const inRegion = (value: string, asked: string) => value.startsWith(asked)

export function meets(criterion: Criterion, asked: readonly string[], offered: Offered): boolean {
  const values = offered.values[criterion]
  if (values.length === 0) return offered.openToAny?.includes(criterion) ?? false
  if (criterion === 'region') return values.some((v) => asked.some((a) => inRegion(v, a)))
  return values.some((v) => asked.includes(v))
}

/** The criteria asked that a result meets and those it does not, and its score (the sum of the met weights). */
export function explainMatch(wanted: Wanted, offered: Offered): Match {
  const met: Criterion[] = []
  const unmet: Criterion[] = []
  for (const criterion of criteria) {
    const asked = wanted[criterion]
    if (asked.length === 0) continue
    ;(meets(criterion, asked, offered) ? met : unmet).push(criterion)
  }
  return { score: met.reduce((sum, c) => sum + criterionWeights[c], 0), met, unmet }
}

/** Whether the search asks for anything at all (else it lists everything, by name or deadline). */
export const asksAnything = (wanted: Wanted) => criteria.some((c) => wanted[c].length > 0)

/** A NUTS code belongs to a country: its first two letters (Greece's codes begin with EL). */
export const nutsPrefixOf = (country: string) => (country === 'GR' ? 'EL' : country)
