import { safeDay } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { type MaterialLanguage, materialLanguages } from '../tables.ts'
import { isOpen, translationState } from '../translation-rules.ts'
import type { TranslationRequest } from '../translations.ts'
import { CancelTranslation, TranslationStateTag, TranslatorName } from './translation-state.tsx'

/**
 * On a material's page, for the secretariat: the translations asked of it, each open one with a
 * cancel button, and the form that asks for another ("Zleć tłumaczenie").
 */
export function MaterialTranslations(p: {
  ctx: ViewContext
  base: string
  today: string
  requests: TranslationRequest[]
  /** The languages the material has a file in: a translation is made from one of them. */
  languages: MaterialLanguage[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const language = (l: MaterialLanguage) => t(`materials.languages.${l}`)
  const f = formFields(
    p.ctx,
    p.values ?? {
      sourceLanguage: p.languages[0] ?? 'pl',
      targetLanguage: p.languages[0] === 'en' ? 'pl' : 'en',
      translatorLang: lang,
    },
    p.errors,
  )
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h3 class="govuk-heading-m" id="translations">
          {t('translations.onMaterial.title')}
        </h3>
        {p.requests.length === 0 ? (
          <p class="govuk-body">{t('translations.onMaterial.none')}</p>
        ) : (
          <Table
            caption={t('translations.onMaterial.title')}
            headers={[
              t('translations.columns.languages'),
              t('translations.columns.translator'),
              t('translations.columns.deadline'),
              t('translations.columns.status'),
              { hidden: t('translations.columns.actions') },
            ]}
          >
            {p.requests.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  {t('translations.languagePair', {
                    from: language(r.source_language),
                    to: language(r.target_language),
                  })}
                </td>
                <td class="govuk-table__cell">
                  <TranslatorName t={t} request={r} />
                </td>
                <td class="govuk-table__cell">{safeDay(r.deadline, lang)}</td>
                <td class="govuk-table__cell">
                  <TranslationStateTag t={t} state={translationState(r, p.today)} />
                </td>
                <td class="govuk-table__cell">
                  {isOpen(r.status) ? (
                    <CancelTranslation
                      ctx={p.ctx}
                      action={`${p.base}/translations/${r.id}/cancel`}
                      back="material"
                      targetLanguage={r.target_language}
                    />
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href="/translations">
            {t('translations.onMaterial.all')}
          </a>
        </p>
      </div>
      <div class="govuk-grid-column-two-thirds">
        <h3 class="govuk-heading-m" id="new-translation">
          {t('translations.form.title')}
        </h3>
        <p class="govuk-body">{t('translations.form.text')}</p>
        <PostForm ctx={p.ctx} action={`${p.base}/translations`}>
          {f.select('sourceLanguage', {
            label: t('translations.form.sourceLanguage'),
            hint: t('translations.form.sourceLanguageHint'),
            options: p.languages.map((l) => ({ value: l, label: language(l) })),
          })}
          {f.select('targetLanguage', {
            label: t('translations.form.targetLanguage'),
            options: materialLanguages.map((l) => ({ value: l, label: language(l) })),
          })}
          {f.date('deadline', {
            label: t('translations.form.deadline'),
            hint: t('translations.form.deadlineHint'),
          })}
          {f.text('translatorEmail', {
            label: t('translations.form.translatorEmail'),
            hint: t('translations.form.translatorEmailHint'),
            type: 'email',
            autocomplete: 'off',
          })}
          {f.text('translatorName', {
            label: t('translations.form.translatorName'),
            hint: t('translations.form.translatorNameHint'),
            autocomplete: 'off',
          })}
          {f.radios('translatorLang', {
            label: t('translations.form.translatorLang'),
            inline: true,
            options: [
              { value: 'pl', label: t('translations.form.langs.pl') },
              { value: 'en', label: t('translations.form.langs.en') },
            ],
          })}
          <Button variant="secondary">{t('translations.form.submit')}</Button>
        </PostForm>
      </div>
    </div>
  )
}
