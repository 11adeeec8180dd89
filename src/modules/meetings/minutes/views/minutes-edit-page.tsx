import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { type SpaceMay, SpacePage } from '../../../spaces/index.ts'
import type { Space } from '../../../spaces/service.ts'
import type { Meeting } from '../../service.ts'
import { meetingName } from '../../views/meeting-name.ts'
import { type MinutesTexts, summaryField } from '../service.ts'
import { Paragraphs } from './decision-parts.tsx'

/**
 * The minutes' texts in one form: the opening, a summary per agenda item, the closing. After a save
 * refused because someone saved meanwhile, each field shows what is saved now above what this person
 * typed, and the form carries the new version, so saving again (after merging) goes through.
 */
export function MinutesEditPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  values: FormValues
  version: number
  errors?: FieldErrors
  conflict?: { theirs: MinutesTexts; by: string | null }
}) {
  const { t } = p.ctx
  const m = p.meeting
  const base = `/spaces/${p.space.id}/meetings/${m.id}/minutes`
  const errors = p.conflict
    ? { ...p.errors, _form: t('minutes.edit.conflict', { name: p.conflict.by ?? '', ...unescaped }) }
    : p.errors
  const f = formFields(p.ctx, p.values, p.errors)
  const theirs = (text: string | undefined) =>
    p.conflict ? (
      <div class="siatka-conflict govuk-!-margin-bottom-3">
        <p class="govuk-body-s govuk-!-font-weight-bold">{t('minutes.edit.theirs')}</p>
        <Paragraphs text={text ?? ''} empty={t('minutes.empty')} />
      </div>
    ) : (
      ''
    )
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={t('minutes.edit.title', { meeting: meetingName(t, m) })}
      errors={errors}
    >
      <a class="govuk-back-link" href={base}>
        {t('minutes.edit.back')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.conflict ? (
            <div class="govuk-inset-text" id="_form">
              {t('minutes.edit.conflict', { name: p.conflict.by ?? '' })}
            </div>
          ) : (
            ''
          )}
          <p class="govuk-body">{t('minutes.edit.hint')}</p>
          <PostForm ctx={p.ctx} action={`${base}/edit`}>
            <input type="hidden" name="version" value={String(p.version)} />
            {theirs(p.conflict?.theirs.opening)}
            {f.textarea('opening', {
              label: t('minutes.opening'),
              hint: t('minutes.edit.openingHint'),
              rows: 5,
            })}
            {m.agenda.map((a, i) => (
              <>
                {theirs(p.conflict?.theirs.summaries[a.id])}
                {f.textarea(summaryField(a.id), {
                  label: t('minutes.edit.summary', { item: `${i + 1}. ${a.title}`, ...unescaped }),
                  rows: 8,
                })}
              </>
            ))}
            {theirs(p.conflict?.theirs.closing)}
            {f.textarea('closing', {
              label: t('minutes.closing'),
              hint: t('minutes.edit.closingHint'),
              rows: 4,
            })}
            <Button>{t('minutes.edit.save')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
