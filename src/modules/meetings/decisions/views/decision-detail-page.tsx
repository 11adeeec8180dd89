import { formatDate, formatDateTime } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { type SpaceMay, SpacePage, SummaryRow } from '../../../spaces/index.ts'
import { nameOf, type Space } from '../../../spaces/service.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import { Paragraphs, Votes } from '../../minutes/views/decision-parts.tsx'
import type { ForwardRow, RegisterRow } from '../service.ts'
import { meetingOf, minutesCell, textState } from './register.tsx'
export function DecisionDetailPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  decision: RegisterRow
  forwards: ForwardRow[]
  targets: { id: string; name_pl: string; name_en: string }[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const d = p.decision
  const f = formFields(p.ctx, p.values, p.errors)
  const sent = new Set(p.forwards.map((x) => x.to_space_id ?? 'authority'))
  const choices = [
    ...(sent.has('authority') ? [] : [{ value: 'authority', label: t('decisions.forward.authority') }]),
    ...p.targets.filter((s) => !sent.has(s.id)).map((s) => ({ value: s.id, label: nameOf(s, lang) })),
  ]
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="decisions"
      title={t('minutes.decisions.heading', { number: decisionNumber(d), title: d.title, ...unescaped })}
      errors={p.errors}
    >
      <a class="govuk-back-link" href={`/spaces/${p.space.id}/decisions`}>
        {t('decisions.back')}
      </a>
      <dl class="govuk-summary-list">
        <SummaryRow label={t('decisions.columns.number')} value={decisionNumber(d)} />
        <SummaryRow
          label={t('decisions.columns.meeting')}
          value={`${meetingOf(t, d)}, ${formatDate(d.starts_at, lang)}`}
        />
        <SummaryRow label={t('decisions.columns.minutes')} value={minutesCell(t, d)} />
      </dl>
      {textState(d) === 'inCorrection' ? (
        <p class="govuk-inset-text">{t('decisions.approvedTextShown')}</p>
      ) : (
        ''
      )}
      <Paragraphs text={d.body} />
      <Votes ctx={p.ctx} d={d} />
      <p class="govuk-body">
        <a class="govuk-link" href={`/spaces/${p.space.id}/meetings/${d.meeting_id}/minutes`}>
          {t('decisions.toMinutes')}
        </a>
      </p>
      <h3 class="govuk-heading-m">{t('decisions.forward.title')}</h3>
      {p.forwards.length === 0 ? (
        <p class="govuk-body">{t('decisions.forward.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {p.forwards.map((x) => (
            <li>
              {t('decisions.forward.item', {
                to: x.to_space_id
                  ? nameOf({ name_pl: x.to_name_pl ?? '', name_en: x.to_name_en ?? '' }, lang)
                  : t('decisions.forward.authority'),
                date: formatDateTime(x.forwarded_at, lang),
                name: x.forwarded_by_name,
              })}
            </li>
          ))}
        </ul>
      )}
      {p.may['space.convene'] && !d.approved ? (
        <p class="govuk-body">{t('decisions.forward.afterApproval')}</p>
      ) : (
        ''
      )}
      {p.may['space.convene'] && d.approved && choices.length > 0 ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <PostForm ctx={p.ctx} action={`/spaces/${p.space.id}/decisions/${d.id}/forward`}>
              {f.select('to', {
                label: t('decisions.forward.to'),
                options: [{ value: '', label: t('decisions.forward.choose') }, ...choices],
              })}
              {f.textarea('note', { label: t('decisions.forward.note'), rows: 3 })}
              <Button variant="secondary">{t('decisions.forward.submit')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </SpacePage>
  )
}

/** What the bodies forwarded to the managing authority. */
