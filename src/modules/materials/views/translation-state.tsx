import type { T } from '../../../kernel/i18n.ts'
import type { TranslationState } from '../translation-rules.ts'

const colours: Record<TranslationState, string> = {
  requested: 'blue',
  in_progress: 'yellow',
  late: 'red',
  delivered: 'green',
  cancelled: 'grey',
}

/** A request's state as a tag; "late" is red, so an overdue translation stands out in a list. */
export function TranslationStateTag(p: { t: T; state: TranslationState }) {
  return (
    <strong class={`govuk-tag govuk-tag--${colours[p.state]}`}>
      {p.t(`translations.statuses.${p.state}`)}
    </strong>
  )
}

/** The translator's name; one without an account is marked as from outside Siatka. */
export function TranslatorName(p: {
  t: T
  request: { translator_id: string | null; translator_name: string | null }
}) {
  const name = p.request.translator_name ?? ''
  return p.request.translator_id ? (
    <span safe>{name}</span>
  ) : (
    <span>{p.t('translations.outside', { name })}</span>
  )
}
