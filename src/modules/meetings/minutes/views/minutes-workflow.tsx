// The minutes' page below its text: what the person may do next, the comments and their answers, the revisions.
import { addDays, formatDateTime, safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Warning } from '../../../../kernel/views/warning.tsx'
import { StatusTag } from '../../../spaces/index.ts'
import { approvalProblem, commentsOpen, editable } from '../rules.ts'
import type { MinutesContent } from '../service.ts'
import { Paragraphs } from './decision-parts.tsx'
import { answerForm, type Fields, type MinutesForm, type MinutesPageProps } from './minutes-forms.ts'

/** Sending out for comments, approving, opening a correction: what the person may do next. */
export function Workflow(
  p: MinutesPageProps & {
    base: string
    fields: (form: MinutesForm, defaults?: FormValues) => Fields
    formError: (form: MinutesForm) => string | undefined
  },
) {
  const { t } = p.ctx
  const mi = p.minutes
  if (!mi) return ''
  const convene = p.may['space.convene']
  if (mi.status === 'draft' && convene)
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h3 class="govuk-heading-m">{t('minutes.send.title')}</h3>
          <p class="govuk-body">{t('minutes.send.intro')}</p>
          <PostForm ctx={p.ctx} action={`${p.base}/send`}>
            {p.fields('send').date('commentsBy', { label: t('minutes.commentsBy') })}
            <Button>{t('minutes.send.submit')}</Button>
          </PostForm>
        </div>
      </div>
    )
  if (mi.status === 'consultation' && p.may['space.approve']) {
    // The button only when approval can work (the rule the approval applies): otherwise what it waits for.
    const until = mi.comments_by ?? p.today
    const unanswered = (p.content?.comments ?? []).filter(
      (c) => c.revision === mi.revision && !c.answer,
    ).length
    const problem = approvalProblem(mi, unanswered, p.today)?.key
    const waitsFor =
      problem === 'minutes.errors.commentsStillOpen'
        ? t('minutes.approve.from', {
            date: safeDay(until, p.ctx.lang),
            from: safeDay(addDays(until, 1), p.ctx.lang),
          })
        : problem === 'minutes.errors.unanswered'
          ? t('minutes.approve.waitsForAnswers', { n: unanswered })
          : null
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h3 class="govuk-heading-m">{t('minutes.approve.title')}</h3>
          <p class="govuk-body">{t('minutes.approve.intro')}</p>
          {p.formError('approve') ? <Warning ctx={p.ctx} text={p.formError('approve') ?? ''} /> : ''}
          {waitsFor ? (
            <div class="govuk-inset-text">{waitsFor}</div>
          ) : (
            <PostForm ctx={p.ctx} action={`${p.base}/approve`}>
              <input type="hidden" name="revision" value={String(mi.revision)} />
              <Button>{t('minutes.approve.submit')}</Button>
            </PostForm>
          )}
        </div>
      </div>
    )
  }
  if (mi.status === 'approved' && convene)
    return (
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{t('minutes.correct.title')}</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">{t('minutes.correct.intro')}</p>
          <PostForm ctx={p.ctx} action={`${p.base}/correct`}>
            {p.fields('correct').textarea('reason', { label: t('minutes.correct.reason'), rows: 3 })}
            <Button variant="secondary">{t('minutes.correct.submit')}</Button>
          </PostForm>
        </div>
      </details>
    )
  return ''
}

/** The members' comments on the draft, each with the secretary's answer. */
export function Comments(
  p: MinutesPageProps & {
    base: string
    fields: (form: MinutesForm, defaults?: FormValues) => Fields
    itemTitle: (id: string | null) => string
    itemChoices: { value: string; label: string }[]
  },
) {
  const { t, lang } = p.ctx
  const mi = p.minutes
  const c = p.content
  if (!mi || !c) return ''
  const open = commentsOpen(mi, p.today)
  const canAnswer = p.may['space.convene'] && editable(mi.status)
  if (c.comments.length === 0 && !open) return ''
  const answerRefused = p.refused?.form === 'answer' ? p.refused : undefined
  return (
    <>
      <h3 class="govuk-heading-m" id="comments">
        {t('minutes.comments.title')}
      </h3>
      {c.comments.length === 0 ? <p class="govuk-body">{t('minutes.comments.none')}</p> : ''}
      {c.comments.map((cm) => {
        const refusedHere = answerRefused && fieldValue(answerRefused.values, 'commentId') === cm.id
        const f = formFields(
          p.ctx,
          refusedHere ? answerRefused.values : { answer: cm.answer ?? '' },
          refusedHere ? answerRefused.errors : undefined,
          answerForm(cm.id),
        )
        return (
          <div class="siatka-comment govuk-!-margin-bottom-6">
            <h4 class="govuk-heading-s">
              {t('minutes.comments.heading', {
                name: cm.person_name,
                date: formatDateTime(cm.created_at, lang),
                item: p.itemTitle(cm.agenda_item_id),
              })}
            </h4>
            {cm.revision !== mi.revision ? (
              <p class="govuk-body-s">{t('minutes.comments.ofRevision', { revision: cm.revision })}</p>
            ) : (
              ''
            )}
            <Paragraphs text={cm.body} />
            {cm.answer ? (
              <div class="govuk-inset-text">
                <p class="govuk-body-s">
                  {t('minutes.comments.answered', { name: cm.answered_by_name ?? '' })}
                </p>
                <Paragraphs text={cm.answer} />
              </div>
            ) : (
              <p class="govuk-body-s">
                <StatusTag label={t('minutes.comments.unanswered')} colour="yellow" />
              </p>
            )}
            {canAnswer && cm.revision === mi.revision ? (
              <PostForm ctx={p.ctx} action={`${p.base}/answers`}>
                <input type="hidden" name="commentId" value={cm.id} />
                {f.textarea('answer', {
                  label: t('minutes.comments.answerLabel', { name: cm.person_name, ...unescaped }),
                  rows: 3,
                })}
                <Button variant="secondary">{t('minutes.comments.answer')}</Button>
              </PostForm>
            ) : (
              ''
            )}
          </div>
        )
      })}
      {open && p.may['space.comment'] ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h4 class="govuk-heading-m">{t('minutes.comments.add')}</h4>
            <PostForm ctx={p.ctx} action={`${p.base}/comments`}>
              {p.fields('comment').select('agendaItemId', {
                label: t('minutes.comments.about'),
                options: [{ value: '', label: t('minutes.comments.whole') }, ...p.itemChoices.slice(1)],
              })}
              {p.fields('comment').textarea('body', { label: t('minutes.comments.body'), rows: 5 })}
              <Button>{t('minutes.comments.submit')}</Button>
            </PostForm>
          </div>
        </div>
      ) : mi.status === 'consultation' ? (
        // Said as it is for this person: the period is open (to those who do not comment) or over.
        <p class="govuk-body">
          {t(open ? 'minutes.comments.openUntil' : 'minutes.comments.closed', {
            date: safeDay(mi.comments_by ?? p.today, lang),
          })}
        </p>
      ) : (
        ''
      )}
    </>
  )
}

/** The approved revisions, each downloadable as it was approved (members see them during a correction too). */
export function Revisions(p: { ctx: ViewContext; base: string; content: MinutesContent | null }) {
  const { t, lang } = p.ctx
  const c = p.content
  const base = p.base
  return (
    <>
      {c && c.revisions.length > 0 ? (
        <>
          <h3 class="govuk-heading-m" id="revisions">
            {t('minutes.revisions.title')}
          </h3>
          <ul class="govuk-list">
            {c.revisions.map((r) => (
              <li>
                <span>
                  {t('minutes.revisions.item', {
                    revision: r.revision,
                    date: formatDateTime(r.approved_at, lang),
                    name: r.approved_by_name,
                  })}
                </span>{' '}
                {(['pdf', 'docx', 'odt'] as const).map((f) => (
                  <>
                    {' '}
                    <a class="govuk-link" href={`${base}/revisions/${r.revision}/${f}`}>
                      {t(`minutes.revisions.${f}`)}
                      <span class="govuk-visually-hidden">
                        {t('minutes.revisions.ofRevision', { revision: r.revision })}
                      </span>
                    </a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </>
  )
}
