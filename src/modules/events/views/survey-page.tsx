import { formatDate } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { Page } from '../../../kernel/pagination.ts'
import { BarChart } from '../../../kernel/views/bar-chart.tsx'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { percentOf, surveyCanBeSent } from '../rules.ts'
import type { Event } from '../service.ts'
import type { SurveyResults } from '../survey.ts'
import { surveyScales } from '../tables.ts'

/** A mean rating as the reader writes numbers: "4,3" in Polish, "4.3" in English. */
const meanText = (mean: number, lang: string) =>
  mean.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })

/**
 * The organiser's evaluation survey of an event: sending it once the event has ended, then how many
 * answered, each rating's answers from 1 to 5 with its mean (a table, and the means as a chart),
 * how many would recommend it, and the comments, newest first.
 */
export function SurveyPage(p: {
  ctx: ViewContext
  event: Event
  results: SurveyResults
  comments: { id: string; comment: string; lang: string; created_at: Date }[]
  page: Page
  hasNext: boolean
  now: Date
}) {
  const { t, lang } = p.ctx
  const e = p.event
  const r = p.results
  const title = t('events.survey.title', { event: e.title, ...unescaped })
  return (
    <Layout ctx={p.ctx} title={title} section="events">
      <a class="govuk-back-link" href={`/events/${e.id}`} safe>
        {e.title}
      </a>
      <h1 class="govuk-heading-l" safe>
        {`${title}`}
      </h1>
      <p class="govuk-body">{t('events.survey.intro')}</p>
      {e.survey_sent_at ? (
        <p class="govuk-body">
          {t('events.survey.sent', {
            when: formatDate(e.survey_sent_at, lang),
            answered: String(r.answered),
            sent: String(r.sent),
            percent: String(percentOf(r.answered, r.sent)),
          })}
        </p>
      ) : e.ends_at > p.now ? (
        <p class="govuk-body">{t('events.survey.notEnded')}</p>
      ) : r.came === 0 ? (
        <p class="govuk-body">{t('events.survey.noneCame')}</p>
      ) : surveyCanBeSent(e, p.now) ? (
        <PostForm ctx={p.ctx} action={`/events/${e.id}/survey`}>
          <p class="govuk-body">{t('events.survey.toSend', { came: String(r.came) })}</p>
          <Button>{t('events.survey.send')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      {e.survey_sent_at ? (
        <>
          <h2 class="govuk-heading-m">{t('events.survey.results')}</h2>
          {r.answered === 0 ? (
            <p class="govuk-body">{t('events.survey.noAnswers')}</p>
          ) : (
            <>
              <Table
                caption={t('events.survey.scale')}
                headers={[t('events.survey.question'), '1', '2', '3', '4', '5', t('events.survey.mean')]}
              >
                {r.scales.map((s) => (
                  <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                      {t(`events.survey.questions.${s.question}`)}
                    </th>
                    {s.counts.map((n) => (
                      <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                        {String(n)}
                      </td>
                    ))}
                    <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                      {meanText(s.mean, lang)}
                    </td>
                  </tr>
                ))}
              </Table>
              <BarChart
                label={t('events.survey.chart', {
                  summary: r.scales
                    .map(
                      (s) =>
                        `${t(`events.survey.questions.${s.question}`, unescaped)} ${meanText(s.mean, lang)}`,
                    )
                    .join('; '),
                  ...unescaped,
                })}
                max={5}
                rows={r.scales.map((s) => ({
                  label: t(`events.survey.questions.${s.question}`, unescaped),
                  value: s.mean,
                  text: meanText(s.mean, lang),
                }))}
              />
              <p class="govuk-body">
                {t('events.survey.recommendShare', {
                  yes: String(r.recommend),
                  answered: String(r.answered),
                  percent: String(percentOf(r.recommend, r.answered)),
                })}
              </p>
            </>
          )}
          <h2 class="govuk-heading-m">{t('events.survey.comments')}</h2>
          {p.comments.length === 0 ? (
            <p class="govuk-body">{t('events.survey.noComments')}</p>
          ) : (
            <ul class="govuk-list siatka-programme">
              {p.comments.map((c) => (
                <li>
                  <p class="govuk-body govuk-!-margin-bottom-1" lang={c.lang} safe>
                    {c.comment}
                  </p>
                  <p class="govuk-body-s" safe>
                    {formatDate(c.created_at, lang)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            ctx={p.ctx}
            page={p.page}
            hasNext={p.hasNext}
            path={`/events/${e.id}/survey`}
            query={{}}
          />
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** The survey as someone who came answers it, by their private link. */
export function SurveyQuestions(p: {
  ctx: ViewContext
  action: string
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const scale = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))
  return (
    <section aria-labelledby="survey-heading">
      <h2 class="govuk-heading-m" id="survey-heading">
        {t('events.survey.formTitle')}
      </h2>
      <p class="govuk-body">{t('events.survey.formHint')}</p>
      <PostForm ctx={p.ctx} action={p.action}>
        {surveyScales.map((q) =>
          f.radios(q, { label: t(`events.survey.questions.${q}`), options: scale, inline: true }),
        )}
        {f.radios('recommend', {
          label: t('events.survey.recommend'),
          inline: true,
          options: [
            { value: 'yes', label: t('events.survey.yes') },
            { value: 'no', label: t('events.survey.no') },
          ],
        })}
        {f.textarea('comment', { label: t('events.survey.comment'), rows: 4 })}
        <Button>{t('events.survey.submit')}</Button>
      </PostForm>
    </section>
  )
}
