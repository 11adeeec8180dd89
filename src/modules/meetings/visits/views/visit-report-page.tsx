import { formatDateTime } from '../../../../kernel/dates.ts'
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
import type { ReportRow } from '../service.ts'
import { reportVisibilities } from '../tables.ts'
import { VisitReportText } from './visit-report.tsx'

/**
 * Writing a visit's report, after the visit only (before, the page says when). After a stale save
 * (`conflict`) the version saved meanwhile is shown above the form, which keeps the person's text and
 * now carries the new version: saving again, once both are combined, goes through.
 */
export function VisitReportPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  report: ReportRow | null
  /** Why the report cannot be written now (a catalogue key), or null. */
  blocked: string | null
  values?: FormValues
  errors?: FieldErrors
  conflict?: ReportRow
}) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const back = `/spaces/${p.space.id}/meetings/${m.id}`
  const r = p.report
  const version = p.conflict?.version ?? r?.version ?? 0
  const f = formFields(
    p.ctx,
    p.values ?? {
      seen: r?.seen ?? '',
      practices: r?.practices ?? '',
      conclusions: r?.conclusions ?? '',
      visibility: r?.visibility ?? (p.space.is_public ? 'public' : 'members'),
    },
    p.errors,
  )
  const published = Boolean((p.conflict ?? r)?.published_at)
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={`${t('visits.report.title')}: ${meetingName(t, m)}`}
      errors={p.errors}
    >
      <a class="govuk-back-link" href={`${back}#visit-report`}>
        {t('visits.report.back')}
      </a>
      {p.blocked ? (
        <div class="govuk-inset-text">{t(p.blocked as 'visits.errors.reportBeforeEnd')}</div>
      ) : (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            {p.conflict ? (
              <div class="govuk-!-margin-bottom-6" id="visit-report-theirs">
                <p class="govuk-body">{t('visits.report.conflict')}</p>
                <h3 class="govuk-heading-m">
                  {t('visits.report.theirs', {
                    name: p.conflict.edited_by_name,
                    date: formatDateTime(p.conflict.edited_at, lang),
                  })}
                </h3>
                <div class="siatka-conflict">
                  <VisitReportText ctx={p.ctx} report={p.conflict} level={3} />
                </div>
              </div>
            ) : (
              ''
            )}
            {r && !p.conflict ? (
              <p class="govuk-body-s">
                {t('visits.report.editedOn', {
                  date: formatDateTime(r.edited_at, lang),
                  name: r.edited_by_name,
                })}
              </p>
            ) : (
              ''
            )}
            <PostForm ctx={p.ctx} action={`${back}/visit/report`}>
              <input type="hidden" name="version" value={String(version)} />
              {f.textarea('seen', {
                label: t('visits.report.seen'),
                hint: t('visits.report.seenHint'),
                rows: 10,
              })}
              {f.textarea('practices', {
                label: t('visits.report.practices'),
                hint: t('visits.report.practicesHint'),
                rows: 6,
              })}
              {f.textarea('conclusions', {
                label: t('visits.report.conclusions'),
                hint: t('visits.report.conclusionsHint'),
                rows: 6,
              })}
              {f.radios('visibility', {
                label: t('visits.report.visibility'),
                hint: t('visits.report.visibilityHint'),
                options: reportVisibilities.map((v) => ({
                  value: v,
                  label: t(`visits.report.visibilities.${v}`),
                })),
              })}
              {published ? (
                <Button name="publish" value="yes">
                  {t('visits.report.saveChanges')}
                </Button>
              ) : (
                <div class="govuk-button-group">
                  <Button name="publish" value="yes">
                    {t('visits.report.publish')}
                  </Button>
                  <Button name="publish" value="no" variant="secondary">
                    {t('visits.report.saveDraft')}
                  </Button>
                </div>
              )}
            </PostForm>
          </div>
        </div>
      )}
    </SpacePage>
  )
}
