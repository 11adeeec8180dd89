import type { ViewContext } from './context.ts'

/** govuk-frontend's warning text: a sentence that must not be missed, announced as a warning. */
export function Warning(p: { ctx: ViewContext; text: string }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{p.ctx.t('layout.warning')}</span>
        <span safe>{p.text}</span>
      </strong>
    </div>
  )
}
