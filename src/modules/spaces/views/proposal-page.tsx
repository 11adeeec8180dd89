import { formatDateTime, safeDay } from '../../../kernel/dates.ts'
import { hasVote } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { type Header, Table } from '../../../kernel/views/table.tsx'
import type { Previous, Proposal } from '../compositions.ts'
import {
  type CompositionChanges as Changes,
  changesNothing,
  compareCompositions,
  compositionRoles,
  isAwaitingDecision,
  isEditable,
  type SeatChange,
} from '../rules.ts'
import { type NamedSeat, seatChangeLines } from '../seat-changes.ts'
import type { Space } from '../service.ts'
import { representations } from '../tables.ts'
import { proposalColour } from './compositions-page.tsx'
import {
  SeatCells,
  type SpaceMay,
  SpacePage,
  StatusTag,
  SummaryMarkupRow,
  SummaryRow,
} from './space-page.tsx'

/**
 * One composition proposal: its people and justification, what the secretary can still change,
 * the managing authority's decision, and its history of sending, returns and approval.
 */
export function ProposalPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  proposal: Proposal
  /** The composition it replaces, to show who joins, whose seat changes and who leaves. */
  previous: Previous
  organisations: { id: string; name: string }[]
  values?: FormValues
  errors?: FieldErrors
  /** The note saved by someone else since this person opened the page. */
  conflict?: { theirs: string; version: number }
  today: string
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const c = p.proposal
  const base = `/spaces/${s.id}/compositions/${c.id}`
  const editing = p.may['space.propose'] && isEditable(c.status)
  const deciding = p.may['space.decide'] && isAwaitingDecision(c.status)
  const f = formFields(
    p.ctx,
    {
      role: 'member',
      represents: 'ngo',
      effectiveOn: p.today,
      note: c.note,
      version: String(c.version),
      ...p.values,
    },
    p.errors,
  )
  const title = t('spaces.composition.title', { number: c.number })
  // Against the composition it replaces: the changes first, those who stay as they were folded below.
  const changes = p.previous.length > 0 ? compareCompositions(p.previous, c.entries) : null
  type Entry = (typeof c.entries)[number]
  const removeCell = (e: Entry) =>
    editing ? (
      <td class="govuk-table__cell">
        <PostForm ctx={p.ctx} action={`${base}/remove`}>
          <input type="hidden" name="entryId" value={e.id} />
          <button
            type="submit"
            class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            aria-label={t('spaces.composition.removeLabel', { name: e.name })}
          >
            {t('spaces.composition.remove')}
          </button>
        </PostForm>
      </td>
    ) : (
      ''
    )
  const seatHeaders = [t('spaces.members.person'), t('spaces.members.role'), t('spaces.members.represents')]
  const removeHeader = editing ? [{ hidden: t('spaces.composition.remove') }] : []
  const justificationCell = (e: Entry) => (
    <td class="govuk-table__cell" safe>
      {e.justification}
    </td>
  )
  const entryTable = (caption: string, entries: Entry[]) => (
    <Table
      caption={caption}
      headers={[...seatHeaders, t('spaces.composition.justification'), ...removeHeader]}
    >
      {entries.map((e) => (
        <tr class="govuk-table__row">
          <SeatCells ctx={p.ctx} seat={e} />
          {justificationCell(e)}
          {removeCell(e)}
        </tr>
      ))}
    </Table>
  )
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="compositions" title={title} errors={p.errors}>
      <a class="govuk-back-link" href={`/spaces/${s.id}/compositions`}>
        {t('spaces.composition.back')}
      </a>
      <dl class="govuk-summary-list">
        <SummaryMarkupRow label={t('spaces.composition.status')}>
          <StatusTag label={t(`spaces.composition.statuses.${c.status}`)} colour={proposalColour[c.status]} />
        </SummaryMarkupRow>
        <SummaryRow label={t('spaces.composition.draftedBy')} value={c.drafted_by_name} />
        {c.status === 'approved' ? (
          <>
            <SummaryRow
              label={t('spaces.composition.decision')}
              value={`${c.decision_ref ?? ''} (${c.decided_by_name ?? ''})`}
            />
            <SummaryRow
              label={t('spaces.composition.effective')}
              value={c.effective_on ? safeDay(c.effective_on, lang) : null}
            />
          </>
        ) : (
          ''
        )}
      </dl>

      {changes ? (
        <ChangesSection
          ctx={p.ctx}
          changes={changes}
          entryTable={entryTable}
          changedRow={(change) => (
            <tr class="govuk-table__row">
              <SeatCells ctx={p.ctx} seat={change.after}>
                <td class="govuk-table__cell">
                  <ul class="govuk-list govuk-!-margin-bottom-0">
                    {seatChangeLines(t, change).map((line) => (
                      <li safe>{line}</li>
                    ))}
                  </ul>
                </td>
              </SeatCells>
              {justificationCell(change.after)}
              {removeCell(change.after)}
            </tr>
          )}
          changedHeaders={[
            t('spaces.members.person'),
            t('spaces.composition.whatChanges'),
            t('spaces.members.role'),
            t('spaces.members.represents'),
            t('spaces.composition.justification'),
            ...removeHeader,
          ]}
        />
      ) : (
        <>
          <h3 class="govuk-heading-m">{t('spaces.composition.people')}</h3>
          {c.entries.length === 0 ? (
            <p class="govuk-body">{t('spaces.composition.noPeople')}</p>
          ) : (
            entryTable(t('spaces.composition.people'), c.entries)
          )}
        </>
      )}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {editing ? (
            <>
              <h3 class="govuk-heading-m">{t('spaces.composition.addTitle')}</h3>
              <PostForm ctx={p.ctx} action={`${base}/entries`}>
                {f.text('email', {
                  label: t('spaces.composition.email'),
                  type: 'email',
                  autocomplete: 'off',
                  spellcheck: false,
                })}
                {f.select('role', {
                  label: t('spaces.composition.role'),
                  options: compositionRoles.map((r) => ({ value: r, label: t(`spaces.roles.${r}`) })),
                })}
                {f.select('represents', {
                  label: t('spaces.composition.represents'),
                  options: representations.map((r) => ({
                    value: r,
                    label: t(`spaces.representations.${r}`),
                  })),
                })}
                {f.select('organisationId', {
                  label: t('spaces.composition.organisation'),
                  options: [
                    { value: '', label: t('spaces.composition.organisationDefault') },
                    ...p.organisations.map((o) => ({ value: o.id, label: o.name })),
                  ],
                })}
                {f.select('deputyFor', {
                  label: t('spaces.composition.deputyFor'),
                  hint: t('spaces.composition.deputyForHint'),
                  options: [
                    { value: '', label: t('spaces.composition.deputyForAny') },
                    ...c.entries
                      .filter((e) => hasVote(e.role))
                      .map((e) => ({ value: e.person_id, label: e.name })),
                  ],
                })}
                {f.textarea('justification', { label: t('spaces.composition.justification'), rows: 3 })}
                <Button variant="secondary">{t('spaces.composition.add')}</Button>
              </PostForm>

              <h3 class="govuk-heading-m">{t('spaces.composition.note')}</h3>
              {p.conflict ? (
                <div class="govuk-!-margin-bottom-6">
                  <p class="govuk-body">{t('spaces.composition.conflict')}</p>
                  <h4 class="govuk-heading-s">{t('spaces.composition.theirs')}</h4>
                  <div class="govuk-body siatka-conflict" safe>
                    {p.conflict.theirs}
                  </div>
                </div>
              ) : (
                ''
              )}
              <PostForm ctx={p.ctx} action={`${base}/note`}>
                <input
                  type="hidden"
                  name="version"
                  value={p.conflict ? String(p.conflict.version) : String(c.version)}
                />
                {f.textarea('note', {
                  label: t('spaces.composition.note'),
                  hint: t('spaces.composition.noteHint'),
                  rows: 6,
                })}
                <Button variant="secondary">{t('spaces.composition.saveNote')}</Button>
              </PostForm>

              <PostForm ctx={p.ctx} action={`${base}/submit`}>
                <Button>{t('spaces.composition.submit')}</Button>
              </PostForm>
            </>
          ) : c.note ? (
            <>
              <h3 class="govuk-heading-m">{t('spaces.composition.note')}</h3>
              {c.note.split(/\n{2,}/).map((para) => (
                <p class="govuk-body" safe>
                  {para}
                </p>
              ))}
            </>
          ) : (
            ''
          )}

          {deciding ? (
            <>
              <h3 class="govuk-heading-m">{t('spaces.composition.decideTitle')}</h3>
              <PostForm ctx={p.ctx} action={`${base}/approve`}>
                {f.text('decisionRef', {
                  label: t('spaces.composition.decisionRef'),
                  hint: t('spaces.composition.decisionRefHint'),
                })}
                {f.date('effectiveOn', { label: t('spaces.composition.effectiveOn') })}
                <Button>{t('spaces.composition.approve')}</Button>
              </PostForm>
              <PostForm ctx={p.ctx} action={`${base}/return`}>
                {f.textarea('comment', { label: t('spaces.composition.comment'), rows: 5 })}
                <Button variant="secondary">{t('spaces.composition.returnIt')}</Button>
              </PostForm>
            </>
          ) : (
            ''
          )}

          {c.events.length > 0 ? (
            <>
              <h3 class="govuk-heading-m">{t('spaces.composition.history')}</h3>
              <ol class="govuk-list">
                {c.events.map((e) => (
                  <li class="govuk-!-margin-bottom-4">
                    <strong>{t(`spaces.composition.events.${e.action}`)}</strong>
                    {' – '}
                    <span safe>{`${e.actor_name}, ${formatDateTime(new Date(e.at), lang)}`}</span>
                    {e.comment ? (
                      <div class="govuk-inset-text govuk-!-margin-top-2" safe>
                        {e.comment}
                      </div>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            ''
          )}
        </div>
      </div>
    </SpacePage>
  )
}

/**
 * What a proposal changes in the composition it replaces, as the managing authority reads it: who
 * joins, whose seat changes (before → after) and who leaves, then those who stay as they were,
 * folded (a details element, which opens without JavaScript).
 */
function ChangesSection<B extends NamedSeat, A extends NamedSeat>(p: {
  ctx: ViewContext
  changes: Changes<B, A>
  entryTable: (caption: string, entries: A[]) => JSX.Element
  changedHeaders: Header[]
  changedRow: (change: SeatChange<B, A>) => JSX.Element
}) {
  const { t } = p.ctx
  const { added, changed, removed, unchanged } = p.changes
  const joining = t('spaces.composition.joining', { n: added.length })
  const changing = t('spaces.composition.changing', { n: changed.length })
  const leaving = t('spaces.composition.leaving', { n: removed.length })
  const staying = t('spaces.composition.unchanged', { n: unchanged.length })
  return (
    <>
      <h3 class="govuk-heading-m">{t('spaces.composition.changes')}</h3>
      {changesNothing(p.changes) ? <p class="govuk-body">{t('spaces.composition.noChanges')}</p> : ''}
      {added.length > 0 ? (
        <>
          <h4 class="govuk-heading-s">{joining}</h4>
          {p.entryTable(joining, added)}
        </>
      ) : (
        ''
      )}
      {changed.length > 0 ? (
        <>
          <h4 class="govuk-heading-s">{changing}</h4>
          <Table caption={changing} headers={p.changedHeaders}>
            {changed.map(p.changedRow)}
          </Table>
        </>
      ) : (
        ''
      )}
      {removed.length > 0 ? (
        <>
          <h4 class="govuk-heading-s">{leaving}</h4>
          <Table
            caption={leaving}
            headers={[t('spaces.members.person'), t('spaces.members.role'), t('spaces.members.represents')]}
          >
            {removed.map((e) => (
              <tr class="govuk-table__row">
                <SeatCells ctx={p.ctx} seat={e} />
              </tr>
            ))}
          </Table>
        </>
      ) : (
        ''
      )}
      {unchanged.length > 0 ? (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{staying}</span>
          </summary>
          <div class="govuk-details__text">{p.entryTable(staying, unchanged)}</div>
        </details>
      ) : (
        ''
      )}
    </>
  )
}
