import { formatDate, safeDay } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, type FieldErrors, formFields, PostForm } from '../../../kernel/views/fields.tsx'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { SummaryRow } from '../../spaces/index.ts'
import { nameOf } from '../../spaces/service.ts'
import type { MaterialLanguage } from '../tables.ts'
import { daysUntil, translationState } from '../translation-rules.ts'
import type { TranslationRequest } from '../translations.ts'
import { acceptedFiles } from './meeting-materials.tsx'
import { TranslationStateTag } from './translation-state.tsx'

/**
 * The translator's private page (`/translations/:token`), with or without an account and without
 * JavaScript: what to translate and by when, the source file, "Rozpoczynam pracę" and the upload.
 */
export function TranslationUploadPage(p: {
  ctx: ViewContext
  request: TranslationRequest
  /** The private address itself (the token is its key). */
  base: string
  today: string
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const r = p.request
  const state = translationState(r, p.today)
  const days = daysUntil(r.deadline, p.today)
  const language = (l: MaterialLanguage): string => t(`materials.languages.${l}`)
  const f = formFields(p.ctx, {}, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('translations.private.title', { title: r.title, ...unescaped })}
      errors={p.errors}
    >
      <p class="govuk-body">{t('translations.private.intro')}</p>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('translations.private.space')} value={nameOf(r, lang)} />
        <SummaryRow label={t('translations.private.from')} value={language(r.source_language)} />
        <SummaryRow label={t('translations.private.to')} value={language(r.target_language)} />
        <SummaryRow label={t('translations.private.deadline')} value={safeDay(r.deadline, lang)} />
      </dl>
      <p class="govuk-body">
        <TranslationStateTag t={t} state={state} />{' '}
        {r.status === 'delivered'
          ? ''
          : days > 0
            ? t('translations.daysLeft', { count: days })
            : days === 0
              ? t('translations.dueToday')
              : t('translations.daysLate', { count: -days })}
      </p>
      {r.status === 'delivered' ? (
        <div class="govuk-inset-text">
          {t('translations.private.delivered', { date: formatDate(r.delivered_at ?? new Date(), lang) })}
        </div>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`${p.base}/source`}>
          {t('translations.private.download', {
            kind: r.source_kind.toUpperCase(),
            size: fileSize(r.source_size, lang),
          })}
        </a>
      </p>
      {r.status === 'requested' ? (
        <PostForm ctx={p.ctx} action={`${p.base}/start`}>
          <p class="govuk-body">{t('translations.private.startText')}</p>
          <Button variant="secondary">{t('translations.private.start')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      {r.status === 'delivered' && !p.errors ? (
        ''
      ) : (
        <>
          <h2 class="govuk-heading-m">{t('translations.private.uploadTitle')}</h2>
          <PostForm ctx={p.ctx} action={p.base} upload>
            {f.file('file', {
              label: t('translations.private.file'),
              hint: t('materials.fields.fileHint'),
              accept: acceptedFiles,
            })}
            <Button>{t('translations.private.submit')}</Button>
          </PostForm>
        </>
      )}
    </FormPage>
  )
}
