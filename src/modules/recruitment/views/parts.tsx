import { formatDate } from '../../../kernel/dates.ts'
import type { Lang } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { applicationWindow } from '../rules.ts'

/** A calendar day as people read it ("14 stycznia 2027"). */
export const dayText = (day: string, lang: Lang) => formatDate(new Date(`${day}T12:00:00Z`), lang)

/** Where a recruitment stands today, as a tag. */
export function WindowTag(p: {
  ctx: ViewContext
  r: { opens_on: string; closes_on: string }
  today: string
}) {
  const w = applicationWindow(p.r, p.today)
  const colour = w === 'open' ? 'govuk-tag--green' : w === 'not_yet' ? 'govuk-tag--blue' : 'govuk-tag--grey'
  return <strong class={`govuk-tag ${colour}`}>{p.ctx.t(`recruitment.window.${w}`)}</strong>
}

/** The days applications are taken ("14 stycznia 2027 – 31 stycznia 2027"). */
export const datesOf = (ctx: ViewContext, r: { opens_on: string; closes_on: string }) =>
  ctx.t('recruitment.datesValue', { from: dayText(r.opens_on, ctx.lang), to: dayText(r.closes_on, ctx.lang) })

/** An applicant's name for the staff, or a note that none was given. */
export const applicantName = (ctx: ViewContext, a: { given_name: string; family_name: string }) =>
  `${a.given_name} ${a.family_name}`.trim() || ctx.t('recruitment.staff.unnamed')
