import type { T } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import type { MaterialLanguage } from '../tables.ts'
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

/**
 * The button that cancels an open request (its link stops working); `back` says which page the
 * person returns to: the material's or the list.
 */
export function CancelTranslation(p: {
  ctx: ViewContext
  action: string
  back: 'material' | 'list'
  targetLanguage: MaterialLanguage
}) {
  const { t } = p.ctx
  return (
    <PostForm ctx={p.ctx} action={p.action}>
      <input type="hidden" name="back" value={p.back} />
      <Button variant="warning">
        {t('translations.cancel')}
        <span class="govuk-visually-hidden">
          {' '}
          {t('translations.cancelWhich', { language: t(`materials.languages.${p.targetLanguage}`) })}
        </span>
      </Button>
    </PostForm>
  )
}
