import { safeDay } from '../../../kernel/dates.ts'
import type { Lang, T } from '../../../kernel/i18n.ts'
import { StatusTag } from '../../spaces/index.ts'
import { daysLate, isLate } from '../rules.ts'
import type { AnalysisStatus } from '../tables.ts'

const colours: Record<AnalysisStatus, 'blue' | 'yellow' | 'orange' | 'green' | 'grey'> = {
  ordered: 'blue',
  delivered: 'yellow',
  changes_requested: 'orange',
  accepted: 'green',
  cancelled: 'grey',
}

/** An order's status as a tag, and a red "late" beside it when the expert is past the deadline. */
export function AnalysisStateTag(p: {
  t: T
  order: { status: AnalysisStatus; deadline: string }
  today: string
}) {
  return (
    <>
      <StatusTag label={p.t(`analyses.statuses.${p.order.status}`)} colour={colours[p.order.status]} />
      {isLate(p.order, p.today) ? (
        <>
          {' '}
          <StatusTag label={p.t('analyses.statuses.late')} colour="red" />
        </>
      ) : (
        ''
      )}
    </>
  )
}

/** The deadline in words, and how late the order is when it is. */
export function Deadline(p: {
  t: T
  lang: Lang
  order: { status: AnalysisStatus; deadline: string }
  today: string
}) {
  return (
    <>
      {safeDay(p.order.deadline, p.lang)}
      {isLate(p.order, p.today) ? (
        <>
          <br />
          <span class="govuk-body-s">
            {p.t('analyses.daysLate', { count: daysLate(p.order.deadline, p.today) })}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  )
}
