import { formatDateTime, safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { Warning } from '../../../../kernel/views/warning.tsx'
import { type SpaceMay, SpacePage, StatusTag, SummaryRow } from '../../../spaces/index.ts'
import type { Space } from '../../../spaces/service.ts'
import type { Meeting } from '../../service.ts'
import { meetingName } from '../../views/meeting-name.ts'
import { paragraphs } from '../document.ts'
import type { DecisionRow } from '../queries.ts'
import { commentsOpen, decisionNumber, editable } from '../rules.ts'
import type { Minutes, MinutesContent } from '../service.ts'
import type { MinutesStatus } from '../tables.ts'

export type MinutesForm =
  | 'start'
  | 'decision'
  | 'action'
  | 'send'
  | 'comment'
  | 'answer'
  | 'approve'
  | 'correct'

const statusColour: Record<MinutesStatus, 'grey' | 'yellow' | 'green'> = {
  draft: 'grey',
  consultation: 'yellow',
  approved: 'green',
}

/** Plain text as paragraphs (a blank line between them), or a dash when empty. */
export function Paragraphs({ text, empty }: { text: string; empty?: string }) {
  const ps = paragraphs(text)
  if (ps.length === 0)
    return empty ? (
      <p class="govuk-body govuk-hint" safe>
        {empty}
      </p>
    ) : (
      ''
    )
  return (
    <>
      {ps.map((p) => (
        <p class="govuk-body siatka-pre-line" safe>
          {p}
        </p>
      ))}
    </>
  )
}

export function Votes({
  ctx,
  d,
}: {
  ctx: ViewContext
  d: Pick<DecisionRow, 'votes_for' | 'votes_against' | 'votes_abstaining'>
}) {
  return (
    <p class="govuk-body-s">
      {ctx.t('minutes.decisions.votes', {
        for: d.votes_for,
        against: d.votes_against,
        abstaining: d.votes_abstaining,
      })}
    </p>
  )
}

/**
 * A meeting's minutes: the status and approved revisions (downloads), who attended, what was said of
 * each agenda item with its decisions and action items, and the comments. The secretary adds
 * decisions and action items here and sends the draft out; the chair approves; members comment.
 */
export function MinutesPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  minutes: Minutes | null
  content: MinutesContent | null
  ownerChoices: { id: string; name: string }[]
  today: string
  refused?: { form: MinutesForm; values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const mi = p.minutes
  const c = p.content
  const base = `/spaces/${p.space.id}/meetings/${m.id}/minutes`
  const convene = p.may['space.convene']
  const typed = (form: MinutesForm) => (p.refused?.form === form ? p.refused : undefined)
  const fields = (form: MinutesForm, defaults: FormValues = {}) =>
    formFields(p.ctx, typed(form)?.values ?? defaults, typed(form)?.errors, fieldsOf(form))
  const formError = (form: MinutesForm) => typed(form)?.errors._form
  const hidden = mi !== null && mi.status === 'draft' && !p.may['space.drafts']
  const canEdit = mi !== null && convene && editable(mi.status)
  const itemChoices = [
    { value: '', label: t('minutes.chooseItem') },
    ...m.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}` })),
  ]
  const itemTitle = (id: string | null) => {
    const i = m.agenda.findIndex((a) => a.id === id)
    return i < 0 ? t('minutes.comments.whole') : `${i + 1}. ${m.agenda[i]?.title ?? ''}`
  }
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={t('minutes.title', { meeting: meetingName(t, m) })}
      errors={p.refused?.errors}
      errorForm={p.refused ? refusedForm(p.refused) : undefined}
    >
      <a class="govuk-back-link" href={`/spaces/${p.space.id}/meetings/${m.id}`}>
        {t('minutes.backToMeeting')}
      </a>
      {mi === null ? (
        <>
          <p class="govuk-body">{t('minutes.none')}</p>
          {convene ? (
            <PostForm ctx={p.ctx} action={`${base}/start`}>
              {formError('start') ? <Warning ctx={p.ctx} text={formError('start') ?? ''} /> : ''}
              <Button>{t('minutes.start')}</Button>
            </PostForm>
          ) : (
            ''
          )}
        </>
      ) : hidden ? (
        <>
          <p class="govuk-body">{t('minutes.inPreparation')}</p>
          <Revisions ctx={p.ctx} base={base} content={c} />
        </>
      ) : (
        <>
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t('minutes.status')}</dt>
              <dd class="govuk-summary-list__value">
                <StatusTag label={t(`minutes.statuses.${mi.status}`)} colour={statusColour[mi.status]} />
              </dd>
            </div>
            <SummaryRow label={t('minutes.revision')} value={String(mi.revision)} />
            {mi.comments_by ? (
              <SummaryRow label={t('minutes.commentsBy')} value={safeDay(mi.comments_by, lang)} />
            ) : (
              ''
            )}
            {mi.approved_at ? (
              <SummaryRow
                label={t('minutes.approved')}
                value={t('minutes.approvedBy', {
                  date: formatDateTime(mi.approved_at, lang),
                  name: mi.approved_by_name ?? '',
                  ...unescaped,
                })}
              />
            ) : (
              ''
            )}
            <SummaryRow
              label={t('minutes.lastSaved')}
              value={`${formatDateTime(mi.updated_at, lang)}, ${mi.updated_by_name ?? ''}`}
            />
          </dl>

          <Revisions ctx={p.ctx} base={base} content={c} />

          <Workflow {...p} base={base} fields={fields} formError={formError} />

          <h3 class="govuk-heading-m" id="attendees">
            {t('minutes.attendees.title')}
          </h3>
          {c && c.attendees.length > 0 ? (
            <ul class="govuk-list govuk-list--bullet">
              {c.attendees.map((a) => (
                <li>
                  <span safe>{a.name}</span>
                  {a.organisation ? <span safe>{` (${a.organisation})`}</span> : ''}
                  {' – '}
                  {t(`attendance.presence.options.${a.presence}`)}
                  {a.deputyFor ? (
                    <span
                      safe
                    >{`, ${t('minutes.attendees.deputyFor', { name: a.deputyFor, ...unescaped })}`}</span>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="govuk-body">
              {t('minutes.attendees.none')}{' '}
              {convene ? (
                <a class="govuk-link" href={`/spaces/${p.space.id}/meetings/${m.id}#presence`}>
                  {t('minutes.attendees.record')}
                </a>
              ) : (
                ''
              )}
            </p>
          )}

          <h3 class="govuk-heading-m">{t('minutes.opening')}</h3>
          <Paragraphs text={mi.opening} empty={t('minutes.empty')} />
          {canEdit ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${base}/edit`}>
                {t('minutes.edit.link')}
              </a>
            </p>
          ) : (
            ''
          )}

          <h3 class="govuk-heading-m" id="items">
            {t('minutes.items')}
          </h3>
          {m.agenda.length === 0 ? <p class="govuk-body">{t('meetings.agenda.none')}</p> : ''}
          {m.agenda.map((a, i) => {
            const decisions = c?.decisions.filter((d) => d.agenda_item_id === a.id) ?? []
            const actions = c?.actions.filter((x) => x.agenda_item_id === a.id) ?? []
            return (
              <section class="siatka-minutes-item" aria-labelledby={`item-${a.id}`}>
                <h4 class="govuk-heading-s" id={`item-${a.id}`} safe>
                  {`${i + 1}. ${a.title}`}
                </h4>
                {a.presenter ? (
                  <p class="govuk-body-s">{t('minutes.presenter', { name: a.presenter })}</p>
                ) : (
                  ''
                )}
                <Paragraphs text={c?.summaries.get(a.id) ?? ''} empty={t('minutes.empty')} />
                {decisions.map((d) => (
                  <div class="govuk-inset-text">
                    <h5 class="govuk-heading-s">
                      {t('minutes.decisions.heading', { number: decisionNumber(d), title: d.title })}
                    </h5>
                    <Paragraphs text={d.body} />
                    <Votes ctx={p.ctx} d={d} />
                    {canEdit ? (
                      <p class="govuk-body-s">
                        <a class="govuk-link" href={`${base}/decisions/${d.id}`}>
                          {t('minutes.decisions.correct')}
                          <span class="govuk-visually-hidden" safe>{` ${decisionNumber(d)}`}</span>
                        </a>
                      </p>
                    ) : (
                      ''
                    )}
                  </div>
                ))}
                {actions.length > 0 ? (
                  <Table
                    caption={t('minutes.actions.caption', { item: i + 1 })}
                    headers={[
                      t('minutes.actions.what'),
                      t('minutes.actions.owner'),
                      t('minutes.actions.dueOn'),
                      t('minutes.actions.status'),
                      ...(canEdit ? [{ hidden: t('minutes.actions.remove') }] : []),
                    ]}
                  >
                    {actions.map((x) => (
                      <tr class="govuk-table__row">
                        <td class="govuk-table__cell" safe>
                          {x.title}
                        </td>
                        <td class="govuk-table__cell" safe>
                          {x.owner_name}
                        </td>
                        <td class="govuk-table__cell">{safeDay(x.due_on, lang)}</td>
                        <td class="govuk-table__cell">{t(`minutes.actions.statuses.${x.status}`)}</td>
                        {canEdit ? (
                          <td class="govuk-table__cell">
                            <PostForm ctx={p.ctx} action={`${base}/actions/remove`}>
                              <input type="hidden" name="actionId" value={x.id} />
                              <button
                                type="submit"
                                class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                aria-label={t('minutes.actions.removeLabel', {
                                  title: x.title,
                                  ...unescaped,
                                })}
                              >
                                {t('minutes.actions.remove')}
                              </button>
                            </PostForm>
                          </td>
                        ) : (
                          ''
                        )}
                      </tr>
                    ))}
                  </Table>
                ) : (
                  ''
                )}
              </section>
            )
          })}

          <h3 class="govuk-heading-m">{t('minutes.closing')}</h3>
          <Paragraphs text={mi.closing} empty={t('minutes.empty')} />

          {canEdit && m.agenda.length > 0 ? (
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <h3 class="govuk-heading-m" id="add-decision">
                  {t('minutes.decisions.add')}
                </h3>
                <p class="govuk-body">{t('minutes.decisions.addHint')}</p>
                <DecisionFields
                  ctx={p.ctx}
                  action={`${base}/decisions`}
                  f={fields('decision', { votesFor: '', votesAgainst: '0', votesAbstaining: '0' })}
                  items={itemChoices}
                />
                <h3 class="govuk-heading-m" id="add-action">
                  {t('minutes.actions.add')}
                </h3>
                <PostForm ctx={p.ctx} action={`${base}/actions`}>
                  {fields('action').select('agendaItemId', {
                    label: t('minutes.item'),
                    options: itemChoices,
                  })}
                  {fields('action').text('title', { label: t('minutes.actions.what') })}
                  {fields('action').select('ownerId', {
                    label: t('minutes.actions.owner'),
                    options: [
                      { value: '', label: t('minutes.actions.chooseOwner') },
                      ...p.ownerChoices.map((o) => ({ value: o.id, label: o.name })),
                    ],
                  })}
                  {fields('action').date('dueOn', { label: t('minutes.actions.dueOn') })}
                  <Button variant="secondary">{t('minutes.actions.add')}</Button>
                </PostForm>
              </div>
            </div>
          ) : (
            ''
          )}
          {canEdit && c && c.decisions.length > 0 ? (
            <p class="govuk-body-s">{t('minutes.decisions.withdrawHint')}</p>
          ) : (
            ''
          )}

          <Comments {...p} base={base} fields={fields} itemTitle={itemTitle} itemChoices={itemChoices} />
        </>
      )}
    </SpacePage>
  )
}

type Fields = ReturnType<typeof formFields>

// The page asks the same things in several forms (an agenda item and a title for a decision and for
// an action item, an answer to each comment): those forms name their fields so every id is unique.
// The decision's form, the page's first, keeps the plain ids.
const fieldsOf = (form: MinutesForm) => (form === 'action' || form === 'comment' ? form : undefined)
const answerForm = (commentId: string) => `answer-${commentId}`
const refusedForm = (r: { form: MinutesForm; values: FormValues }) =>
  r.form === 'answer' ? answerForm(fieldValue(r.values, 'commentId')) : fieldsOf(r.form)

/** The decision's questions; the form posts to `action` (a new decision by default). */
export function DecisionFields(p: {
  ctx: ViewContext
  f: Fields
  items: { value: string; label: string }[]
  action: string
  hidden?: Record<string, string>
  /** Correcting a recorded decision rather than adding one. */
  correcting?: boolean
}) {
  const { t } = p.ctx
  return (
    <PostForm ctx={p.ctx} action={p.action}>
      {Object.entries(p.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {p.f.select('agendaItemId', { label: t('minutes.item'), options: p.items })}
      {p.f.text('title', { label: t('minutes.decisions.title') })}
      {p.f.textarea('body', { label: t('minutes.decisions.body'), rows: 5 })}
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          {t('minutes.decisions.vote')}
        </legend>
        {p.f.text('votesFor', {
          label: t('minutes.decisions.for'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
        {p.f.text('votesAgainst', {
          label: t('minutes.decisions.against'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
        {p.f.text('votesAbstaining', {
          label: t('minutes.decisions.abstaining'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
      </fieldset>
      <Button variant="secondary">
        {p.correcting ? t('minutes.decisions.save') : t('minutes.decisions.add')}
      </Button>
    </PostForm>
  )
}

/** Sending out for comments, approving, opening a correction: what the person may do next. */
function Workflow(
  p: Parameters<typeof MinutesPage>[0] & {
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
  if (mi.status === 'consultation' && p.may['space.approve'])
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h3 class="govuk-heading-m">{t('minutes.approve.title')}</h3>
          <p class="govuk-body">{t('minutes.approve.intro')}</p>
          {p.formError('approve') ? <Warning ctx={p.ctx} text={p.formError('approve') ?? ''} /> : ''}
          <PostForm ctx={p.ctx} action={`${p.base}/approve`}>
            <input type="hidden" name="revision" value={String(mi.revision)} />
            <Button>{t('minutes.approve.submit')}</Button>
          </PostForm>
        </div>
      </div>
    )
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
function Comments(
  p: Parameters<typeof MinutesPage>[0] & {
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
        <p class="govuk-body">{t('minutes.comments.closed')}</p>
      ) : (
        ''
      )}
    </>
  )
}

/** The approved revisions, each downloadable as it was approved (members see them during a correction too). */
function Revisions(p: { ctx: ViewContext; base: string; content: MinutesContent | null }) {
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
