// What the partner search's pages share: the choices of each criterion in the reader's language, a
// result's match said in words, and the lists of a profile's values.
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { organisationTypes } from '../../../accounts/index.ts'
import type { ProjectTheme } from '../../../projects/index.ts'
import { countryName, languageName, profileCountries, spokenLanguages } from '../../profiles.ts'
import { inLang } from '../../views/forums-page.tsx'
import { type Match, programmes } from '../rules.ts'
import type { PartnerSearchQuery } from '../schemas.ts'

export interface Option {
  value: string
  label: string
}

const sorted = (options: Option[], lang: string) =>
  options.sort((a, b) => a.label.localeCompare(b.label, lang))

/** Each criterion's choices, as checkboxes and selects list them. */
export function choicesOf(ctx: Pick<ViewContext, 't' | 'lang'>, themes: readonly ProjectTheme[]) {
  const { t, lang } = ctx
  return {
    theme: themes.map((th) => ({ value: th.id, label: inLang(lang, th.name_pl, th.name_en) })),
    kind: organisationTypes.map((k) => ({ value: k, label: t(`accounts.organisations.types.${k}`) })),
    country: sorted(
      profileCountries.map((c) => ({ value: c, label: countryName(c, lang) })),
      lang,
    ),
    language: sorted(
      spokenLanguages.map((l) => ({ value: l, label: languageName(l, lang) })),
      lang,
    ),
    programme: programmes.map((p) => ({ value: p, label: t(`community.partners.programmes.${p}`) })),
  }
}
export type Choices = ReturnType<typeof choicesOf>

/** What a search asks, in a line: the words typed, then each criterion with the values ticked. */
export function summaryOf(ctx: Pick<ViewContext, 't'>, choices: Choices, q: PartnerSearchQuery): string {
  const { t } = ctx
  const parts = (['theme', 'kind', 'country', 'language', 'programme'] as const)
    .filter((c) => q[c].length > 0)
    .map((c) => `${t(`community.partners.${c}`)}: ${labelsOf(choices[c], q[c])}`)
  if (q.region) parts.push(`${t('community.partners.region')}: ${q.region}`)
  if (q.q) parts.unshift(`„${q.q}”`)
  return parts.join(' · ') || t('community.partners.saved.everything')
}

/** The labels of the values given, in the choices' order; `any` where a request leaves the list open. */
export function labelsOf(options: readonly Option[], values: readonly string[], any?: string): string {
  if (values.length === 0) return any ?? ''
  return options
    .filter((o) => values.includes(o.value))
    .map((o) => o.label)
    .join(', ')
}

/** Which of the criteria asked a result meets, and which not. */
export function MatchNote(p: { ctx: ViewContext; match: Match }) {
  const { t } = p.ctx
  const names = (cs: readonly string[]) =>
    cs.map((c) => t(`community.partners.criteria.${c as Match['met'][number]}`)).join(', ')
  if (!p.match.met.length && !p.match.unmet.length) return ''
  return (
    <ul class="govuk-list govuk-body-s siatka-match">
      {p.match.met.length ? (
        <li>
          <strong class="govuk-tag govuk-tag--green">
            {t('community.partners.meets', { list: names(p.match.met) })}
          </strong>
        </li>
      ) : (
        ''
      )}
      {p.match.unmet.length ? (
        <li>
          <strong class="govuk-tag govuk-tag--grey">
            {t('community.partners.missing', { list: names(p.match.unmet) })}
          </strong>
        </li>
      ) : (
        ''
      )}
    </ul>
  )
}

/** A summary list's rows, skipping the empty ones. */
export function Facts(p: { rows: [label: string, value: string, lang?: string][] }) {
  const rows = p.rows.filter(([, value]) => value !== '')
  return (
    <dl class="govuk-summary-list">
      {rows.map(([label, value, lang]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {label}
          </dt>
          <dd class="govuk-summary-list__value siatka-pre-line" lang={lang} safe>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
