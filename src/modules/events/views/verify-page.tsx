import { formatDate } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { type FieldErrors, formFields } from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { SummaryRow } from '../../spaces/index.ts'
import type { certificateByCode } from '../day.ts'
import { eventWhen, organiserOf } from './parts.tsx'

/**
 * The public check of a certificate of attendance: its code typed (forgiving spaces, dashes and O
 * for 0), and, for a code issued, who it was issued to, for which event, by whom and when. A code
 * mistyped or unknown is said beside the field, with what was typed kept.
 */
export function VerifyPage(p: {
  ctx: ViewContext
  code: string
  found: NonNullable<Awaited<ReturnType<typeof certificateByCode>>> | null
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, { code: p.code }, p.errors)
  const c = p.found
  return (
    <FormPage ctx={p.ctx} title={t('events.verify.title')} errors={p.errors} section="events">
      <p class="govuk-body">{t('events.verify.intro')}</p>
      <form method="get" action="/events/certificates" novalidate>
        {f.text('code', {
          label: t('events.verify.code'),
          hint: t('events.verify.codeHint'),
          width: 'govuk-input--width-10',
          spellcheck: false,
          autocomplete: 'off',
        })}
        <button type="submit" class="govuk-button">
          {t('events.verify.check')}
        </button>
      </form>
      {c?.certificate_issued_at ? (
        <>
          <div class="govuk-panel govuk-panel--confirmation" role="status">
            <h2 class="govuk-panel__title">{t('events.verify.valid')}</h2>
          </div>
          <dl class="govuk-summary-list">
            <SummaryRow label={t('events.verify.person')} value={c.name} />
            <SummaryRow label={t('events.verify.event')} value={c.title} />
            <SummaryRow label={t('events.date')} value={eventWhen(c, lang)} />
            <SummaryRow label={t('events.organiser')} value={organiserOf(p.ctx, c)} />
            <SummaryRow label={t('events.verify.issued')} value={formatDate(c.certificate_issued_at, lang)} />
            <SummaryRow label={t('events.certificates.codeLabel')} value={c.certificate_code ?? ''} />
          </dl>
        </>
      ) : (
        ''
      )}
    </FormPage>
  )
}
