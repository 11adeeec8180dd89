// A body's composition: the secretary drafts a proposal, the managing authority approves it or
// returns it with comments; only an approved composition becomes the membership, dated and with
// its decision, and every earlier one stays readable (seed 000).
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { addDays, type Day, today } from '../../kernel/dates.ts'
import { NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import { translator } from '../../kernel/i18n.ts'
import type { Actor, SpaceRole } from '../../kernel/policy.ts'
import * as accounts from '../accounts/service.ts'
import { type NotificationInput, notify, notifyEach } from '../notifications/service.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import {
  compareCompositions,
  compositionProblem,
  deputyForProblem,
  effectiveDayProblem,
  isAwaitingDecision,
  isEditable,
  type SeatChange,
} from './rules.ts'
import type { EntryForm } from './schemas.ts'
import { type NamedSeat, seatChangeLines } from './seat-changes.ts'
import type { Space } from './service.ts'

export type Proposal = q.ProposalRow

/** A proposal of this space; another space's proposal id is "not found" here. */
export async function requireProposal(db: Db, space: Space, id: string): Promise<Proposal> {
  const proposal = await q.findProposal(db, id)
  if (!proposal || proposal.space_id !== space.id) throw new NotFoundError()
  return proposal
}

export const findOpenProposal = q.findOpenProposal

export type Previous = Awaited<ReturnType<typeof q.previousComposition>>

/** The composition the proposal would replace: the approved one before it, if any. */
export function previousComposition(db: Db, proposal: Proposal): Promise<Previous> {
  return q.previousComposition(db, proposal.space_id, proposal.number)
}

/** A proposal's entries as the composition rules read them. */
const drafts = (entries: readonly { person_id: string; role: SpaceRole; deputy_for: string | null }[]) =>
  entries.map((e) => ({ personId: e.person_id, role: e.role, deputyFor: e.deputy_for }))

const link = (space: Space, proposalId: string) => `/spaces/${space.id}/compositions/${proposalId}`
const spaceParams = (space: Space) => ({ space_pl: space.name_pl, space_en: space.name_en })

/**
 * A new proposal starts from the composition in force, so a change is made by editing it. One
 * proposal at a time per space: a second is refused by the database's unique index.
 */
export async function startProposal(db: Db, actor: Actor, space: Space): Promise<string> {
  try {
    return await db.transaction().execute(async (trx) => {
      const number = await q.nextProposalNumber(trx, space.id)
      const proposal = await trx
        .insertInto('composition_proposals')
        .values({
          space_id: space.id,
          number,
          status: 'draft',
          note: '',
          drafted_by: actor.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const previous = await q.lastApproved(trx, space.id)
      if (previous) {
        await trx
          .insertInto('composition_entries')
          .columns([
            'proposal_id',
            'person_id',
            'role',
            'represents',
            'organisation_id',
            'justification',
            'deputy_for',
          ])
          .expression(
            trx
              .selectFrom('composition_entries')
              .select([
                sql.lit(proposal.id).as('proposal_id'),
                'person_id',
                'role',
                'represents',
                'organisation_id',
                'justification',
                'deputy_for',
              ])
              .where('proposal_id', '=', previous.id),
          )
          .execute()
      }
      await audit(trx, actor, {
        action: 'spaces.composition-started',
        subjectType: 'space',
        subjectId: space.id,
        details: { proposalId: proposal.id, number },
      })
      return proposal.id
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('spaces.composition.errors.openExists')
    throw err
  }
}

/**
 * Saves the proposal's note only if nobody saved it since the page was opened; otherwise returns
 * the text now saved, so the page can show both and nothing typed is lost.
 */
export async function saveProposalNote(
  db: Db,
  actor: Actor,
  proposal: Proposal,
  input: { note: string; version: number },
): Promise<{ saved: true } | { saved: false; theirs: string; version: number }> {
  if (!isEditable(proposal.status)) throw new RuleError('spaces.composition.errors.notEditable')
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('composition_proposals')
      .set((eb) => ({ note: input.note, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', proposal.id)
      .where('version', '=', input.version)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 1) {
      await audit(trx, actor, {
        action: 'spaces.composition-note-saved',
        subjectType: 'composition',
        subjectId: proposal.id,
      })
      return { saved: true as const }
    }
    const now = await q.lockProposal(trx, proposal.id)
    if (!now || !isEditable(now.status)) throw new RuleError('spaces.composition.errors.notEditable')
    return { saved: false as const, theirs: now.note, version: now.version }
  })
}

/** Adds a person with their role in the body and whom they represent. */
export async function addEntry(db: Db, actor: Actor, proposal: Proposal, input: EntryForm) {
  if (!isEditable(proposal.status)) throw new RuleError('spaces.composition.errors.notEditable')
  const person = await accounts.findPersonByEmail(db, input.email)
  if (!person?.is_active) throw new RuleError('spaces.composition.errors.noAccount', 'email')
  if (proposal.entries.some((e) => e.person_id === person.id))
    throw new RuleError('spaces.composition.errors.duplicate', 'email')
  if (input.role === 'chair' && proposal.entries.some((e) => e.role === 'chair'))
    throw new RuleError('spaces.composition.errors.twoChairs', 'role')
  // The member a deputy stands in for is chosen among the proposal's members; other roles have none.
  const deputyFor = input.role === 'deputy' ? input.deputyFor : null
  const deputyProblem = deputyForProblem(drafts(proposal.entries), input.role, deputyFor)
  if (deputyProblem) throw new RuleError(deputyProblem, 'deputyFor')
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('composition_entries')
        .values({
          proposal_id: proposal.id,
          person_id: person.id,
          role: input.role,
          represents: input.represents,
          organisation_id: input.organisationId ?? person.organisation_id,
          justification: input.justification,
          deputy_for: deputyFor,
        })
        .execute()
      await audit(trx, actor, {
        action: 'spaces.composition-entry-added',
        subjectType: 'composition',
        subjectId: proposal.id,
        details: { personId: person.id, role: input.role, ...(deputyFor ? { deputyFor } : {}) },
      })
    })
  } catch (err) {
    // The same person added from two pages at once: the unique (proposal, person) key says no.
    if (sqlState(err) === '23505') throw new RuleError('spaces.composition.errors.duplicate', 'email')
    throw err
  }
}

export async function removeEntry(db: Db, actor: Actor, proposal: Proposal, entryId: string) {
  if (!isEditable(proposal.status)) throw new RuleError('spaces.composition.errors.notEditable')
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('composition_entries')
      .where('id', '=', entryId)
      .where('proposal_id', '=', proposal.id)
      .returning('person_id')
      .executeTakeFirst()
    if (!r) throw new NotFoundError()
    // Their deputies stay in the proposal, standing in for no one in particular.
    await trx
      .updateTable('composition_entries')
      .set({ deputy_for: null })
      .where('proposal_id', '=', proposal.id)
      .where('deputy_for', '=', r.person_id)
      .execute()
    await audit(trx, actor, {
      action: 'spaces.composition-entry-removed',
      subjectType: 'composition',
      subjectId: proposal.id,
      details: { personId: r.person_id },
    })
  })
}

async function recordEvent(
  trx: Db,
  proposalId: string,
  action: 'submitted' | 'returned' | 'approved',
  actor: Actor,
  comment: string | null,
) {
  await trx
    .insertInto('composition_events')
    .values({ proposal_id: proposalId, action, actor_id: actor.id, comment })
    .execute()
}

/** Sends the proposal to the managing authority; each of its people is told in their notification centre. */
export async function submitProposal(db: Db, actor: Actor, space: Space, proposal: Proposal) {
  if (!isEditable(proposal.status)) throw new RuleError('spaces.composition.errors.notEditable')
  await db.transaction().execute(async (trx) => {
    const problem = compositionProblem(drafts(await q.entriesOf(trx, proposal.id)))
    if (problem) throw new RuleError(problem)
    if (
      !(await q.setProposalStatus(trx, proposal.id, ['draft', 'returned'], {
        status: 'submitted',
        submitted_at: new Date(),
      }))
    )
      throw new RuleError('spaces.composition.errors.notEditable')
    await recordEvent(trx, proposal.id, 'submitted', actor, null)
    await audit(trx, actor, {
      action: 'spaces.composition-submitted',
      subjectType: 'composition',
      subjectId: proposal.id,
    })
    const n: NotificationInput = {
      kind: 'compositionSubmitted',
      params: { ...spaceParams(space), number: String(proposal.number) },
      link: link(space, proposal.id),
    }
    await notify(trx, await accounts.listManagingAuthority(trx), n)
  })
}

/** Those who prepare a proposal hear what the managing authority decided. */
const preparers = (space: Space, proposal: Proposal) =>
  [proposal.drafted_by, space.secretary_id].filter((id): id is string => id !== null)

export async function returnProposal(
  db: Db,
  actor: Actor,
  space: Space,
  proposal: Proposal,
  comment: string,
) {
  await db.transaction().execute(async (trx) => {
    if (
      !isAwaitingDecision(proposal.status) ||
      !(await q.setProposalStatus(trx, proposal.id, ['submitted'], { status: 'returned' }))
    )
      throw new RuleError('spaces.composition.errors.notWaiting')
    await recordEvent(trx, proposal.id, 'returned', actor, comment)
    await audit(trx, actor, {
      action: 'spaces.composition-returned',
      subjectType: 'composition',
      subjectId: proposal.id,
    })
    // The comment goes with the notice, so the secretariat reads it in the mail itself.
    await notify(trx, preparers(space, proposal), {
      kind: 'compositionReturned',
      params: { ...spaceParams(space), number: String(proposal.number), note: comment },
      link: link(space, proposal.id),
    })
  })
}

/** What changes in a person's seat, in both languages: each reader gets theirs (notifications). */
const changesParams = (change: SeatChange<NamedSeat, NamedSeat>) => ({
  changes_pl: seatChangeLines(translator('pl'), change).join('; '),
  changes_en: seatChangeLines(translator('en'), change).join('; '),
})

/**
 * The approved composition becomes the membership from its effective day: the members of the
 * composition it replaces leave the day before. Only those whose seat begins, changes or ends are
 * told, each what it means for them; those who stay as they were hear nothing.
 */
export async function approveProposal(
  db: Db,
  actor: Actor,
  space: Space,
  proposal: Proposal,
  input: { decisionRef: string; effectiveOn: Day },
) {
  await db.transaction().execute(async (trx) => {
    // The row lock makes two approvals at once wait for each other; the second then finds it decided.
    const locked = await q.lockProposal(trx, proposal.id)
    if (!locked || !isAwaitingDecision(locked.status))
      throw new RuleError('spaces.composition.errors.notWaiting')
    const entries = await q.entriesOf(trx, proposal.id)
    const problem = compositionProblem(drafts(entries))
    if (problem) throw new RuleError(problem)
    const previous = await q.lastApproved(trx, space.id)
    const replaced = previous ? await q.entriesOf(trx, previous.id) : []
    const dayProblem = effectiveDayProblem(input.effectiveOn, previous?.effective_on ?? null)
    if (dayProblem) throw new RuleError(dayProblem, 'effectiveOn')

    await trx
      .updateTable('space_memberships')
      .set({ ends_on: addDays(input.effectiveOn, -1) })
      .where('space_id', '=', space.id)
      .where('proposal_id', 'is not', null)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', input.effectiveOn)]))
      .execute()
    await trx
      .insertInto('space_memberships')
      .values(
        entries.map((e) => ({
          space_id: space.id,
          person_id: e.person_id,
          role: e.role,
          represents: e.represents,
          organisation_id: e.organisation_id,
          deputy_for: e.deputy_for,
          starts_on: input.effectiveOn,
          ends_on: null,
          proposal_id: proposal.id,
          added_by: actor.id,
        })),
      )
      .execute()
    await q.setProposalStatus(trx, proposal.id, ['submitted'], {
      status: 'approved',
      decided_at: new Date(),
      decided_by: actor.id,
      decision_ref: input.decisionRef,
      effective_on: input.effectiveOn,
    })
    if (space.status === 'forming' && input.effectiveOn <= today())
      await trx
        .updateTable('spaces')
        .set({ status: 'active', updated_at: new Date() })
        .where('id', '=', space.id)
        .execute()
    const changes = compareCompositions(replaced, entries)
    await recordEvent(trx, proposal.id, 'approved', actor, input.decisionRef)
    await audit(trx, actor, {
      action: 'spaces.composition-approved',
      subjectType: 'composition',
      subjectId: proposal.id,
      details: {
        spaceId: space.id,
        decisionRef: input.decisionRef,
        effectiveOn: input.effectiveOn,
        members: entries.length,
        joined: changes.added.length,
        changed: changes.changed.length,
        left: changes.removed.length,
      },
    })
    await notify(trx, preparers(space, proposal), {
      kind: 'compositionApproved',
      params: { ...spaceParams(space), number: String(proposal.number), decision: input.decisionRef },
      link: link(space, proposal.id),
    })
    const lastDay = addDays(input.effectiveOn, -1)
    const seatLink = `/spaces/${space.id}`
    await notifyEach(trx, [
      ...changes.added.map((e) => ({
        personId: e.person_id,
        kind: 'appointed' as const,
        params: { ...spaceParams(space), roleKey: `spaces.roles.${e.role}`, fromDay: input.effectiveOn },
        link: seatLink,
      })),
      ...changes.changed.map((c) => ({
        personId: c.after.person_id,
        kind: 'seatChanged' as const,
        params: { ...spaceParams(space), fromDay: input.effectiveOn, ...changesParams(c) },
        link: seatLink,
      })),
      // Once their last day has passed the space is no longer theirs to open: their list of spaces is.
      ...changes.removed.map((e) => ({
        personId: e.person_id,
        kind: 'seatEnded' as const,
        params: { ...spaceParams(space), roleKey: `spaces.roles.${e.role}`, lastDay },
        link: lastDay >= today() ? seatLink : '/spaces',
      })),
    ])
  })
}
