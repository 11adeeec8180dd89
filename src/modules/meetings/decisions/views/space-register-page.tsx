import { formatDate, formatDateTime } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { type SpaceMay, SpacePage } from '../../../spaces/index.ts'
import { nameOf, type Space } from '../../../spaces/service.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import type { RegisterQuery } from '../../minutes/schemas.ts'
import { Paragraphs } from '../../minutes/views/decision-parts.tsx'
import { meetingName } from '../../views/meeting-name.ts'
import type { IncomingRow, RegisterRow } from '../service.ts'
import { Register } from './register.tsx'
export function SpaceRegisterPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  incoming: { rows: IncomingRow[]; page: Page; hasNext: boolean }
  meetings: { id: string; kind: RegisterRow['meeting_kind']; number: number; year: number; starts_at: Date }[]
  take?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const base = `/spaces/${p.space.id}/decisions`
  const kept = (params: Record<string, string | undefined>) =>
    Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    )
  const incomingNumber = p.incoming.page.number
  // The register's pages keep the incoming list's page, and the other way round.
  const registerKeeps = kept({ incoming: incomingNumber > 1 ? String(incomingNumber) : undefined })
  const incomingKeeps = kept({
    q: p.query.q,
    year: p.query.year?.toString(),
    page: p.page.number > 1 ? String(p.page.number) : undefined,
  })
  // A refused form shows this page again, with the same page of the incoming list.
  const takeAction = `${base}/incoming${incomingNumber > 1 ? `?incoming=${incomingNumber}` : ''}`
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="decisions"
      title={t('decisions.title')}
      errors={p.take?.errors}
      errorForm={p.take ? `forward-${fieldValue(p.take.values, 'forwardId')}` : undefined}
    >
      <p class="govuk-body">{t('decisions.intro')}</p>
      <Register
        ctx={p.ctx}
        action={base}
        rows={p.rows}
        query={p.query}
        page={p.page}
        hasNext={p.hasNext}
        also={registerKeeps}
      />
      {p.incoming.rows.length > 0 || incomingNumber > 1 ? (
        <>
          <h3 class="govuk-heading-m" id="incoming">
            {t('decisions.incoming.title')}
          </h3>
          {p.incoming.rows.map((r) => {
            const refused = p.take && p.take.values.forwardId === r.id ? p.take : undefined
            // A form per forwarded resolution, each asking for a meeting: named by it, so ids are unique.
            const f = formFields(p.ctx, refused?.values, refused?.errors, `forward-${r.id}`)
            return (
              <div class="govuk-inset-text">
                <h4 class="govuk-heading-s">
                  {t('decisions.incoming.heading', {
                    number: decisionNumber(r),
                    from: nameOf({ name_pl: r.from_name_pl, name_en: r.from_name_en }, lang),
                    title: r.title,
                  })}
                </h4>
                <Paragraphs text={r.body} />
                {r.note ? <p class="govuk-body-s">{t('decisions.incoming.note', { note: r.note })}</p> : ''}
                <p class="govuk-body-s">
                  {t('decisions.incoming.when', { date: formatDateTime(r.forwarded_at, lang) })}
                </p>
                {r.meeting_id ? (
                  <p class="govuk-body-s">
                    <a class="govuk-link" href={`/spaces/${p.space.id}/meetings/${r.meeting_id}#agenda`}>
                      {t('decisions.incoming.taken', {
                        meeting: meetingName(t, {
                          kind: r.meeting_kind ?? 'meeting',
                          number: r.meeting_number ?? 0,
                          year: r.meeting_year ?? 0,
                        }),
                      })}
                    </a>
                  </p>
                ) : p.may['space.convene'] ? (
                  p.meetings.length === 0 ? (
                    <p class="govuk-body-s">{t('decisions.incoming.noMeeting')}</p>
                  ) : (
                    <PostForm ctx={p.ctx} action={takeAction}>
                      <input type="hidden" name="forwardId" value={r.id} />
                      {f.select('meetingId', {
                        label: t('decisions.incoming.meeting', { number: decisionNumber(r) }),
                        options: [
                          { value: '', label: t('decisions.incoming.chooseMeeting') },
                          ...p.meetings.map((m) => ({
                            value: m.id,
                            label: `${meetingName(t, m)} (${formatDate(m.starts_at, lang)})`,
                          })),
                        ],
                      })}
                      <Button variant="secondary">{t('decisions.incoming.take')}</Button>
                    </PostForm>
                  )
                ) : (
                  <p class="govuk-body-s">{t('decisions.incoming.waiting')}</p>
                )}
              </div>
            )
          })}
          <Pagination
            ctx={p.ctx}
            page={p.incoming.page}
            hasNext={p.incoming.hasNext}
            path={base}
            query={incomingKeeps}
            param="incoming"
            label={t('decisions.incoming.pages')}
            fragment="incoming"
          />
        </>
      ) : (
        ''
      )}
    </SpacePage>
  )
}

/** Every decision of the spaces the person reads. */
