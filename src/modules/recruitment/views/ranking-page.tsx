import { formatDate } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { Ranking } from '../review.ts'
import type { Recruitment } from '../service.ts'
import { applicantName } from './parts.tsx'

/**
 * Each target group's ranking list, with the line where its places end; before the decisions, the
 * form that makes them (once applications have closed).
 */
export function RankingPage(p: {
  ctx: ViewContext
  r: Recruitment
  lists: Ranking[]
  /** The person may download the participants with their PESEL. */
  mayExport: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const tk = t as unknown as (key: string) => string
  const r = p.r
  const f = formFields(p.ctx, p.values, p.errors)
  const title = t('recruitment.ranking.title', { title: r.title, ...unescaped })
  return (
    <Layout ctx={p.ctx} title={title} errors={p.errors} section="recruitments-manage">
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <a class="govuk-back-link" href={`/recruitments/${r.id}`} safe>
        {r.title}
      </a>
      <h1 class="govuk-heading-l" safe>
        {`${title}`}
      </h1>
      <p class="govuk-body">{t('recruitment.ranking.intro')}</p>
      {p.lists.map((list) => (
        <section>
          <h2 class="govuk-heading-m" safe>
            {`${list.group.name} (${t('recruitment.page.places', { count: list.group.places })})`}
          </h2>
          {list.rows.length === 0 ? (
            <p class="govuk-body">{t('recruitment.ranking.none')}</p>
          ) : (
            <Table
              caption={list.group.name}
              headers={[
                { numeric: t('recruitment.ranking.position') },
                t('recruitment.staff.name'),
                { numeric: t('recruitment.staff.score') },
                t('recruitment.ranking.states'),
              ]}
            >
              {list.rows.map((row) => (
                <tr
                  class={`govuk-table__row${row.position === list.group.places + 1 ? ' siatka-ranking-cut' : ''}`}
                >
                  <td class="govuk-table__cell govuk-table__cell--numeric">{row.position}</td>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={`/recruitments/${r.id}/applications/${row.id}`} safe>
                      {applicantName(p.ctx, row)}
                    </a>
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{row.score}</td>
                  <td class="govuk-table__cell">
                    {r.decided_at
                      ? tk(`recruitment.own.states.${row.state}`)
                      : row.within
                        ? t('recruitment.ranking.within')
                        : t('recruitment.ranking.reserve')}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ))}
      {r.decided_at && p.mayExport ? (
        <>
          <h2 class="govuk-heading-m">{t('recruitment.export.heading')}</h2>
          <p class="govuk-body">
            {t('recruitment.export.hint', { version: t(`recruitment.versions.${r.esf_version}`) })}
          </p>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`/recruitments/${r.id}/participants.xlsx`}>
                {t('recruitment.export.xlsx')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/recruitments/${r.id}/participants.csv`}>
                {t('recruitment.export.csv')}
              </a>
            </li>
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('recruitment.ranking.decide')}</h2>
      {r.decided_at ? (
        <p class="govuk-body">
          {t('recruitment.ranking.decidedOn', { day: formatDate(r.decided_at, lang) })}
        </p>
      ) : (
        <PostForm ctx={p.ctx} action={`/recruitments/${r.id}/decide`}>
          <p class="govuk-body">{t('recruitment.ranking.decideHint')}</p>
          {f.date('supportStartsOn', { label: t('recruitment.ranking.supportStartsOn') })}
          <Button variant="warning">{t('recruitment.ranking.decideButton')}</Button>
        </PostForm>
      )}
    </Layout>
  )
}
