import { formatDate } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { fileSize } from '../../../../kernel/views/file-size.ts'
import type { PublicMaterial } from '../../../materials/index.ts'
import { meetingName, meetingWhen } from '../../views/meeting-name.ts'
import type { listPublicDecisions, listPublicMeetings } from '../queries.ts'

type PublicMeeting = Awaited<ReturnType<typeof listPublicMeetings>>[number]
type PublicDecision = Awaited<ReturnType<typeof listPublicDecisions>>[number]

/**
 * A published network's meetings (coming, then held) with the materials made public, on its public
 * page; nothing when there is none.
 */
export function PublicMeetings(p: {
  ctx: ViewContext
  spaceId: string
  meetings: PublicMeeting[]
  materials: Map<string, PublicMaterial[]>
  now: Date
}): JSX.Element | string {
  if (p.meetings.length === 0) return ''
  const { t } = p.ctx
  const coming = p.meetings.filter((m) => m.ends_at >= p.now).reverse()
  const held = p.meetings.filter((m) => m.ends_at < p.now)
  const list = (rows: PublicMeeting[]) => (
    <ul class="govuk-list siatka-public-meetings">
      {rows.map((m) => (
        <li>
          <MeetingLine {...p} meeting={m} />
        </li>
      ))}
    </ul>
  )
  return (
    <>
      <h2 class="govuk-heading-m">{t('meetings.public.title')}</h2>
      {coming.length > 0 ? (
        <>
          <h3 class="govuk-heading-s">{t('meetings.public.coming')}</h3>
          {list(coming)}
        </>
      ) : (
        ''
      )}
      {held.length > 0 ? (
        <>
          <h3 class="govuk-heading-s">{t('meetings.public.held')}</h3>
          {list(held)}
        </>
      ) : (
        ''
      )}
    </>
  )
}

function MeetingLine(p: {
  ctx: ViewContext
  spaceId: string
  meeting: PublicMeeting
  materials: Map<string, PublicMaterial[]>
}) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const materials = p.materials.get(m.id) ?? []
  return (
    <>
      <strong safe>{meetingName(t, m)}</strong>
      <span safe>{` – ${meetingWhen(m, lang)}${m.place ? `, ${m.place}` : ''}`}</span>
      <br />
      <span safe>{m.subject}</span>
      {materials.length > 0 ? (
        <ul class="govuk-list govuk-list--bullet">
          {materials.map((mat) => (
            <li>
              <span safe>{mat.title}</span>
              {': '}
              {mat.files.map((f, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a
                    class="govuk-link"
                    href={`/networks/${p.spaceId}/materials/${mat.id}/files/${f.id}`}
                    lang={f.language}
                    hreflang={f.language}
                    safe
                  >
                    {`${t(`materials.languages.${f.language}`)} (${f.kind.toUpperCase()}, ${fileSize(f.size_bytes, lang)})`}
                  </a>
                </>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </>
  )
}

/** A published network's decisions from approved minutes, the latest first; nothing when none. */
export function PublicDecisions(p: { ctx: ViewContext; decisions: PublicDecision[] }): JSX.Element | string {
  if (p.decisions.length === 0) return ''
  const { t, lang } = p.ctx
  return (
    <>
      <h2 class="govuk-heading-m">{t('meetings.public.decisions')}</h2>
      <p class="govuk-body">{t('meetings.public.decisionsIntro')}</p>
      {p.decisions.map((d) => (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">
              {t('meetings.public.decision', {
                number: `${d.number}/${d.year}`,
                title: d.title ?? '',
                day: formatDate(d.starts_at, lang),
              })}
            </span>
          </summary>
          <div class="govuk-details__text">
            {(d.body ?? '').split(/\n{2,}/).map((para) => (
              <p class="govuk-body" safe>
                {para}
              </p>
            ))}
          </div>
        </details>
      ))}
    </>
  )
}
