import { type Day, safeDay } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Warning } from '../../../kernel/views/warning.tsx'
import { type SpaceMay, SpacePage } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import { type DayOff, dayOff } from '../rules.ts'
import { meetingKinds } from '../tables.ts'

/** "6 stycznia 2027 to święto: Trzech Króli." */
function dayOffText(ctx: ViewContext, day: Day, off: DayOff): string {
  const date = safeDay(day, ctx.lang)
  return 'holiday' in off
    ? ctx.t('meetings.dayOff.holiday', {
        date,
        holiday: ctx.t(`meetings.holidays.${off.holiday}`),
        ...unescaped,
      })
    : ctx.t(`meetings.dayOff.${off.weekend}`, { date, ...unescaped })
}

/**
 * Convening a meeting, or changing one (`change`): times on a Warsaw clock, a place, an online link
 * or both. A change after the notice says that saving sends an update.
 */
export function MeetingFormPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  values: FormValues
  errors?: FieldErrors
  /** Changing a meeting: its id, whether members were told of it, and its day (`day`). */
  change?: { meetingId: string; noticeSent: boolean; day: Day }
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  // A form sent back with a new day that is a day off: a warning beside the day and a box to confirm
  // it, which the service asks for (rules.ts, dayOffProblem); the typed values stay, the box too.
  const day = fieldValue(p.values, 'day').trim()
  const off = p.errors && !p.errors.day && day !== p.change?.day ? dayOff(day) : null
  const base = `/spaces/${p.space.id}/meetings`
  const action = p.change ? `${base}/${p.change.meetingId}/edit` : `${base}/new`
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={p.change ? t('meetings.edit.title') : t('meetings.convene')}
      errors={p.errors}
    >
      {p.change ? (
        <a class="govuk-back-link" href={`${base}/${p.change.meetingId}`}>
          {t('meetings.notices.backToMeeting')}
        </a>
      ) : (
        ''
      )}
      {p.change?.noticeSent ? <Warning ctx={p.ctx} text={t('meetings.edit.afterNotice')} /> : ''}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action={action}>
            {p.change ? <input type="hidden" name="version" value={String(p.values.version ?? '')} /> : ''}
            {f.radios('kind', {
              label: t('meetings.fields.kind'),
              inline: true,
              options: meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) })),
            })}
            {f.text('subject', {
              label: t('meetings.fields.subject'),
              hint: t('meetings.fields.subjectHint'),
            })}
            {f.date('day', { label: t('meetings.fields.day') })}
            {off ? (
              <>
                <Warning ctx={p.ctx} text={dayOffText(p.ctx, day, off)} />
                {f.checkboxes('dayOffConfirmed', {
                  label: t('meetings.dayOff.legend'),
                  options: [{ value: 'yes', label: t('meetings.dayOff.confirm') }],
                })}
              </>
            ) : (
              ''
            )}
            {f.text('startTime', {
              label: t('meetings.fields.startTime'),
              hint: t('meetings.fields.timeHint'),
              width: 'govuk-input--width-5',
              maxlength: 5,
            })}
            {f.text('endTime', {
              label: t('meetings.fields.endTime'),
              hint: t('meetings.fields.timeHint'),
              width: 'govuk-input--width-5',
              maxlength: 5,
            })}
            {f.textarea('place', {
              label: t('meetings.fields.place'),
              hint: t('meetings.fields.placeHint'),
              rows: 2,
            })}
            {f.text('onlineUrl', { label: t('meetings.fields.onlineUrl'), type: 'url', spellcheck: false })}
            {f.text('hostName', {
              label: t('visits.host.name'),
              hint: t('visits.host.nameHint'),
            })}
            {f.text('hostRegion', { label: t('visits.host.region'), hint: t('visits.host.forVisit') })}
            {f.text('hostTown', { label: t('visits.host.town'), hint: t('visits.host.forVisit') })}
            {f.date('confirmBy', {
              label: t('meetings.fields.confirmBy'),
              hint: t('meetings.fields.confirmByHint'),
            })}
            <Button>{p.change ? t('forms.save') : t('meetings.convene')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
