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
import type { DecisionRow } from '../../minutes/queries.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import { DecisionFields } from '../../minutes/views/decision-parts.tsx'
import type { Meeting } from '../../service.ts'

/** Correcting a recorded decision (its number stays), or withdrawing the register's last one. */
export function DecisionPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  decision: DecisionRow
  values: FormValues
  errors?: FieldErrors
  removeError?: string
}) {
  const { t } = p.ctx
  const d = p.decision
  const base = `/spaces/${p.space.id}/meetings/${p.meeting.id}/minutes`
  const errors = p.removeError ? { _form: p.removeError } : p.errors
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={t('minutes.decisions.correctTitle', { number: decisionNumber(d) })}
      errors={errors}
    >
      <a class="govuk-back-link" href={`${base}#item-${d.agenda_item_id}`}>
        {t('minutes.edit.back')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">{t('minutes.decisions.correctHint')}</p>
          <DecisionFields
            ctx={p.ctx}
            action={`${base}/decisions/${d.id}`}
            f={formFields(p.ctx, p.values, p.errors)}
            items={[
              { value: '', label: t('minutes.chooseItem') },
              ...p.meeting.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` })),
            ]}
            correcting
          />
          <h3 class="govuk-heading-m">{t('minutes.decisions.withdraw')}</h3>
          <p class="govuk-body" id="_form" safe>
            {p.removeError ?? t('minutes.decisions.withdrawHint')}
          </p>
          <PostForm ctx={p.ctx} action={`${base}/decisions/remove`}>
            <input type="hidden" name="decisionId" value={d.id} />
            <Button variant="warning">{t('minutes.decisions.withdraw')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
