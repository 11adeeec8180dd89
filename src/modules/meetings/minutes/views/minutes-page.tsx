import { formatDateTime, safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import { Button, type FormValues, formFields, PostForm } from '../../../../kernel/views/fields.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { Warning } from '../../../../kernel/views/warning.tsx'
import { SpacePage, StatusTag, SummaryRow } from '../../../spaces/index.ts'
import { meetingName } from '../../views/meeting-name.ts'
import { decisionNumber, editable } from '../rules.ts'
import type { MinutesStatus } from '../tables.ts'
import { DecisionFields, Paragraphs, Votes } from './decision-parts.tsx'
import { fieldsOf, type MinutesForm, type MinutesPageProps, refusedForm } from './minutes-forms.ts'
import { Comments, Revisions, Workflow } from './minutes-workflow.tsx'

export type { MinutesForm } from './minutes-forms.ts'

const statusColour: Record<MinutesStatus, 'grey' | 'yellow' | 'green'> = {
  draft: 'grey',
  consultation: 'yellow',
  approved: 'green',
}

export function MinutesPage(p: MinutesPageProps) {
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
