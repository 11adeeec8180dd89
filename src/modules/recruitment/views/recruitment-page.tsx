import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { DocumentList } from '../../../kernel/views/documents.tsx'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { voivodeshipName } from '../../projects/index.ts'
import type { RecruitmentDocument } from '../documents.ts'
import { applicationWindow } from '../rules.ts'
import type { Recruitment } from '../service.ts'
import { datesOf, dayText, WindowTag } from './parts.tsx'

/** Plain text kept as its author broke it into lines and paragraphs. */
function Paragraphs(p: { text: string }) {
  return (
    <>
      {p.text
        .split(/\n{2,}/)
        .filter((x) => x.trim())
        .map((para) => (
          <p class="govuk-body siatka-pre-line" safe>
            {para}
          </p>
        ))}
    </>
  )
}

/**
 * A recruitment's public page with what an ESF recruitment page must say: the scope of support, who
 * may apply (groups and places, where they live, their age), the days, how to apply, the documents,
 * the criteria and the tie rule, the contact; the way to the form while applications are taken. Its
 * staff also find their pages and, before it is published, the button that publishes it.
 */
export function RecruitmentPage(p: {
  ctx: ViewContext
  r: Recruitment
  documents: RecruitmentDocument[]
  today: string
  manage: boolean
}) {
  const { t, lang } = p.ctx
  const r = p.r
  const window = applicationWindow(r, p.today)
  const ages =
    r.min_age !== null && r.max_age !== null
      ? t('recruitment.page.ageRange', { min: r.min_age, max: r.max_age })
      : r.min_age !== null
        ? t('recruitment.page.ageMin', { count: r.min_age })
        : r.max_age !== null
          ? t('recruitment.page.ageMax', { count: r.max_age })
          : t('recruitment.page.anyAge')
  const facts: [string, string][] = [
    [
      t('recruitment.project'),
      r.project_acronym ? `${r.project_acronym} – ${r.project_title}` : r.project_title,
    ],
    [t('recruitment.dates'), datesOf(p.ctx, r)],
    [
      t('recruitment.page.area'),
      r.voivodeship ? voivodeshipName(r.voivodeship) : t('recruitment.form.anyRegion'),
    ],
    [t('recruitment.page.age'), ages],
    [t('recruitment.page.version'), t(`recruitment.versions.${r.esf_version}`)],
    [t('recruitment.page.retention'), dayText(r.retention_until, lang)],
  ]
  return (
    <Layout ctx={p.ctx} title={r.title} section="recruitments">
      <a class="govuk-back-link" href="/recruitments">
        {t('recruitment.title')}
      </a>
      <h1 class="govuk-heading-l" safe>
        {r.title}
      </h1>
      <p class="govuk-body">
        {r.published_at ? (
          <WindowTag ctx={p.ctx} r={r} today={p.today} />
        ) : (
          <strong class="govuk-tag govuk-tag--yellow">{t('recruitment.unpublished')}</strong>
        )}
      </p>
      {p.manage ? (
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href={`/recruitments/${r.id}/applications`}>
              {t('recruitment.manage.applications')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/recruitments/${r.id}/ranking`}>
              {t('recruitment.manage.ranking')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/recruitments/${r.id}/edit`}>
              {t('recruitment.manage.edit')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/recruitments/${r.id}/fields`}>
              {t('recruitment.fields.manage')}
            </a>
          </li>
          <li>
            <a class="govuk-link" href={`/recruitments/${r.id}/documents`}>
              {t('recruitment.documents.manage')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
      {p.manage && !r.published_at ? (
        <PostForm ctx={p.ctx} action={`/recruitments/${r.id}/publish`}>
          <p class="govuk-body">{t('recruitment.manage.publishHint')}</p>
          <Button>{t('recruitment.manage.publish')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      <dl class="govuk-summary-list">
        {facts.map(([k, v]) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {k}
            </dt>
            <dd class="govuk-summary-list__value" safe>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {window === 'open' && r.published_at ? (
        <p class="govuk-body">
          <a class="govuk-button" href={`/recruitments/${r.id}/apply`}>
            {t('recruitment.page.apply')}
          </a>
        </p>
      ) : window === 'not_yet' ? (
        <p class="govuk-body">{t('recruitment.page.notYet', { day: dayText(r.opens_on, lang) })}</p>
      ) : window === 'closed' ? (
        <p class="govuk-body">{t('recruitment.page.closed', { day: dayText(r.closes_on, lang) })}</p>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('recruitment.page.scope')}</h2>
      <div>{safeMarkdown(r.scope, 3)}</div>
      <h2 class="govuk-heading-m">{t('recruitment.page.whoMayApply')}</h2>
      <Paragraphs text={r.who_may_apply} />
      <h3 class="govuk-heading-s">{t('recruitment.page.groups')}</h3>
      <ul class="govuk-list govuk-list--bullet">
        {r.groups.map((g) => (
          <li safe>{`${g.name}: ${t('recruitment.page.places', { count: g.places })}`}</li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">{t('recruitment.page.howToApply')}</h2>
      <Paragraphs text={r.how_to_apply} />
      {r.documents || p.documents.length ? (
        <>
          <h2 class="govuk-heading-m">{t('recruitment.page.documents')}</h2>
          <Paragraphs text={r.documents} />
          <DocumentList ctx={p.ctx} documents={p.documents} base={`/recruitments/${r.id}/documents`} />
        </>
      ) : (
        ''
      )}
      {r.criteria.length ? (
        <>
          <h2 class="govuk-heading-m">{t('recruitment.page.criteria')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {r.criteria.map((c) => (
              <li safe>{`${c.label}: ${t('recruitment.page.pointsValue', { count: c.points })}`}</li>
            ))}
          </ul>
          <p class="govuk-body" safe>
            {`${t('recruitment.page.ties')}: ${t(`recruitment.tieBreaks.${r.tie_break}`)}.`}
          </p>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('recruitment.page.contact')}</h2>
      <Paragraphs text={r.contact} />
    </Layout>
  )
}
