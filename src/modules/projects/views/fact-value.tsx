import { safeDay } from '../../../kernel/dates.ts'
import { formatGrosze } from '../../../kernel/money.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import type { FactField } from '../rules.ts'
import { projectStatuses } from '../tables.ts'

const moneyFacts: readonly string[] = ['totalValue', 'euContribution', 'eligibleCosts']
const dayFacts: readonly string[] = ['startsOn', 'endsOn', 'agreementOn']

/** A fact as the history keeps it (grosze, YYYY-MM-DD, a status's name, yes or no), shown to a reader. */
export function FactValue(p: { ctx: ViewContext; field: FactField | string; value: string }) {
  const { t, lang } = p.ctx
  const v = p.value
  if (v === '') return <>—</>
  if (moneyFacts.includes(p.field) && /^-?\d+$/.test(v))
    return <span safe>{formatGrosze(Number(v), lang)}</span>
  if (dayFacts.includes(p.field)) return <>{safeDay(v, lang)}</>
  if (p.field === 'status' && (projectStatuses as readonly string[]).includes(v))
    return <>{t(`projects.statuses.${v as (typeof projectStatuses)[number]}`)}</>
  if (p.field === 'isPublic')
    return <>{t(v === 'yes' ? 'projects.form.public' : 'projects.form.notPublic')}</>
  return (
    <span class="siatka-pre-line" safe>
      {v}
    </span>
  )
}
