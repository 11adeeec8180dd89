// Demo compositions and memberships: each space's approved composition (the social economy network's
// with an earlier one in its history), the equality network's change waiting for the managing
// authority (two people join, the observer becomes a member), the memberships the approved ones
// made, and the expert's stay as a guest of the labour-market network. Called by demo.ts once the
// people and the spaces exist.

import { addDays, type Day } from '../../kernel/dates.ts'
import type { AppDb as Db } from '../../kernel/db.ts'
import type { SpaceRole } from '../../kernel/policy.ts'
import type { Representation } from './tables.ts'

/** A demo space as its compositions are made: who is named in it, how many others, its secretary. */
export interface SpaceToCompose {
  id: string
  key: string
  size: number
  /** Named demo accounts and their role in this space. */
  named: [string, SpaceRole][]
  secretary: string
}

interface DemoPerson {
  id: string
  organisation_id: string | null
}

export async function seedCompositions(
  db: Db,
  spaces: SpaceToCompose[],
  who: {
    /** The demo accounts by address. */
    named: Map<string, DemoPerson>
    /** The members who are not demo accounts, taken in order, each space its `size`. */
    people: DemoPerson[]
    /** The managing authority, who approved every composition. */
    iz: string
    represent: (organisationId: string | null) => Representation
  },
  day0: Day,
) {
  const { named, people, iz, represent } = who
  let next = 0
  const proposals: {
    space_id: string
    number: number
    status: 'approved' | 'submitted'
    note: string
    drafted_by: string
    submitted_at: Date
    decided_at: Date | null
    decided_by: string | null
    decision_ref: string | null
    effective_on: string | null
    updated_at: Date
  }[] = []
  const entryPlans: {
    proposal: number
    person_id: string
    organisation_id: string | null
    role: SpaceRole
    represents: Representation
    deputy_for: string | null
    justification?: string
  }[] = []

  spaces.forEach((s, i) => {
    const spaceId = s.id
    const members = people.slice(next, next + s.size)
    next += s.size
    const hasChair = s.named.some(([, role]) => role === 'chair')
    const namedMember = s.named
      .filter(([, role]) => role === 'member')
      .map(([email]) => named.get(email)!.id)[0]
    const plan = [
      ...s.named.map(([email, role]) => ({
        person_id: named.get(email)!.id,
        organisation_id: named.get(email)!.organisation_id,
        role,
        deputy_for: null as string | null,
      })),
      ...members.map((m, j) => ({
        person_id: m.id,
        organisation_id: m.organisation_id,
        role: (j === 0 && !hasChair
          ? 'chair'
          : j === 1
            ? 'vice_chair'
            : j % 6 === 5
              ? 'deputy'
              : j % 9 === 8
                ? 'observer'
                : 'member') as SpaceRole,
        // Each deputy stands in for the member listed before them; the first, where a demo account
        // sits as a member, for that account (so it can send a deputy).
        deputy_for: j % 6 === 5 ? (j === 5 && namedMember ? namedMember : members[j - 1].id) : null,
      })),
    ]
    // The social economy network has an earlier composition in its history, replaced a year later.
    const history = s.key === 'social' ? [addDays(day0, -730), addDays(day0, -365)] : [addDays(day0, -400)]
    history.forEach((effective, h) => {
      const index = proposals.length
      proposals.push({
        space_id: spaceId,
        number: h + 1,
        status: 'approved',
        note: 'Skład zaproponowany po konsultacjach z instytucjami i organizacjami działającymi w obszarze sieci.',
        drafted_by: named.get(s.secretary)!.id,
        submitted_at: new Date(`${addDays(effective, -14)}T09:00:00Z`),
        decided_at: new Date(`${addDays(effective, -3)}T12:00:00Z`),
        decided_by: iz,
        decision_ref: `DZF-IV.8540.${10 + i * 3 + h}.${effective.slice(0, 4)}`,
        effective_on: effective,
        updated_at: new Date(),
      })
      // The earlier composition had a few people who later left.
      const who = h < history.length - 1 ? plan.slice(0, plan.length - 3) : plan
      for (const e of who)
        entryPlans.push({ proposal: index, ...e, represents: represent(e.organisation_id) })
    })
    if (s.key === 'equality') {
      // A change of composition waiting for the managing authority, as the managing authority reads
      // it: a social partners' representative (a woman from the trade union) and a labour-market
      // expert (a man from a labour office) join, and the observer becomes a member; the rest stay.
      const index = proposals.length
      proposals.push({
        space_id: spaceId,
        number: 2,
        status: 'submitted',
        note: 'Uzupełnienie składu o przedstawicielkę partnerów społecznych i eksperta ds. rynku pracy. Osoba reprezentująca samorząd regionalny, dotąd w roli obserwatora, zostaje członkiem sieci.',
        drafted_by: named.get(s.secretary)!.id,
        submitted_at: new Date(Date.now() - 3 * 24 * 3600_000),
        decided_at: null,
        decided_by: null,
        decision_ref: null,
        effective_on: null,
        updated_at: new Date(),
      })
      // From the labour-market network: Katarzyna of the trade union and Paweł of the labour office.
      const extra = [
        { person: people[6], role: 'member' as SpaceRole, why: 'Przedstawicielka partnerów społecznych' },
        {
          person: people[11],
          role: 'expert' as SpaceRole,
          why: 'Doświadczenie w aktywizacji zawodowej kobiet',
        },
      ].map((x) => ({
        person_id: x.person.id,
        organisation_id: x.person.organisation_id,
        role: x.role,
        deputy_for: null,
        justification: x.why,
      }))
      const changed = plan.map((e) =>
        e.role === 'observer'
          ? {
              ...e,
              role: 'member' as SpaceRole,
              justification: 'Aktywny udział w pracach sieci w roli obserwatora',
            }
          : e,
      )
      for (const e of [...changed, ...extra])
        entryPlans.push({ proposal: index, ...e, represents: represent(e.organisation_id) })
    }
  })

  const saved = await db
    .insertInto('composition_proposals')
    .values(proposals)
    .returning(['id', 'space_id', 'status', 'effective_on'])
    .execute()
  await db
    .insertInto('composition_entries')
    .values(
      entryPlans.map((e) => ({
        proposal_id: saved[e.proposal].id,
        person_id: e.person_id,
        role: e.role,
        represents: e.represents,
        organisation_id: e.organisation_id,
        deputy_for: e.deputy_for,
        justification: e.justification ?? '',
      })),
    )
    .execute()
  await db
    .insertInto('composition_events')
    .values(
      saved.flatMap((p, i) => [
        {
          proposal_id: p.id,
          action: 'submitted' as const,
          actor_id: proposals[i].drafted_by,
          comment: null,
          at: proposals[i].submitted_at,
        },
        ...(p.status === 'approved'
          ? [
              {
                proposal_id: p.id,
                action: 'approved' as const,
                actor_id: iz,
                comment: proposals[i].decision_ref,
                at: proposals[i].decided_at!,
              },
            ]
          : []),
      ]),
    )
    .execute()

  // Memberships from the approved compositions: each ends the day before the next one takes effect.
  const approved = saved.map((p, i) => ({ ...p, index: i })).filter((p) => p.status === 'approved')
  const nextOf = (p: (typeof approved)[number]) =>
    approved.find((q) => q.space_id === p.space_id && q.effective_on! > p.effective_on!)?.effective_on ?? null
  await db
    .insertInto('space_memberships')
    .values(
      approved.flatMap((p) => {
        const ends = nextOf(p)
        return entryPlans
          .filter((e) => e.proposal === p.index)
          .map((e) => ({
            space_id: p.space_id,
            person_id: e.person_id,
            role: e.role,
            represents: e.represents,
            organisation_id: e.organisation_id,
            deputy_for: e.deputy_for,
            starts_on: p.effective_on!,
            ends_on: ends ? addDays(ends, -1) : null,
            proposal_id: p.id,
            added_by: iz,
          }))
      }),
    )
    .execute()

  // The expert is also a guest of the labour-market network until the end of next month.
  await db
    .insertInto('space_memberships')
    .values({
      space_id: spaces[0].id,
      person_id: named.get('ekspert@demo.siatka.test')!.id,
      role: 'expert',
      represents: 'science',
      organisation_id: named.get('ekspert@demo.siatka.test')!.organisation_id,
      starts_on: addDays(day0, -20),
      ends_on: addDays(day0, 45),
      proposal_id: null,
      added_by: named.get('sekretarz@demo.siatka.test')!.id,
    })
    .execute()
}
