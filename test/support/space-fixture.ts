// One space with a person in every position towards it, and one real object behind every address
// under /spaces/:id: the route walk (src/modules/spaces/space-roles.test.ts) opens each address
// as each of them, so the handler really runs and finds what it looks for.
import type { Kysely } from 'kysely'
import { addDays, today } from '../../src/kernel/dates.ts'
import type { Database } from '../../src/kernel/db.ts'
import type { GlobalRole, SpaceRole } from '../../src/kernel/policy.ts'
import type { TestApp } from './app.ts'
import { Client, signedIn } from './client.ts'
import { givenMember, givenPerson, givenSpace } from './given.ts'
import type { RouteRequest } from './role-table.ts'
import { givenDecision, givenSpaceObjects, type SpaceObjects } from './space-objects.ts'

interface Persona {
  who: string
  /** An account of the demo data, or one made with this global role; none for the anonymous visitor. */
  demo?: string
  role?: GlobalRole
  /** Their role in the space, ending this many days from today (none: open-ended). */
  seat?: SpaceRole
  endsIn?: number
}

/** The columns of the walk's table, in its order: everyone's position towards the space. */
export const spacePersonas = {
  an: { who: 'an anonymous visitor' },
  S: { who: 'the space’s secretary', role: 'secretary' },
  oS: { who: 'another network’s secretary', role: 'secretary' },
  m: { who: 'a member of other spaces', role: 'member' },
  C: { who: 'the coordinator', demo: 'koordynator@demo.siatka.test' },
  IZ: { who: 'the managing authority', demo: 'iz@demo.siatka.test' },
  A: { who: 'an administrator', demo: 'admin@demo.siatka.test' },
  ch: { who: 'the space’s chair', role: 'member', seat: 'chair' },
  vc: { who: 'the space’s vice-chair', role: 'member', seat: 'vice_chair' },
  me: { who: 'a member of the space', role: 'member', seat: 'member' },
  de: { who: 'a deputy in the space', role: 'member', seat: 'deputy' },
  ex: { who: 'an expert in the space', role: 'expert', seat: 'expert' },
  ob: { who: 'an observer in the space', role: 'member', seat: 'observer' },
  gu: { who: 'a guest of the space for ten more days', role: 'member', seat: 'guest', endsIn: 10 },
  fo: { who: 'a former member, whose seat ended yesterday', role: 'member', seat: 'member', endsIn: -1 },
} as const satisfies Record<string, Persona>
export type SpacePersona = keyof typeof spacePersonas

export interface SpaceWorld {
  clients: Record<SpacePersona, Client>
  /** A request to the route ('GET /spaces/:id/…'); made anew each time, since some forms use up what they name. */
  request(route: string): Promise<RouteRequest>
}

type Db = Kysely<Database>

/** The email the person signs in with, seated in the space if they have a seat there; none for the anonymous. */
async function accountOf(db: Db, p: Persona, spaceId: string): Promise<string | undefined> {
  if (p.demo || !p.role) return p.demo
  const person = await givenPerson(db, { role: p.role, name: p.who })
  if (p.seat) {
    const endsOn = p.endsIn === undefined ? null : addDays(today(), p.endsIn)
    await givenMember(db, spaceId, person.id, { role: p.seat, endsOn })
  }
  return person.email
}

export async function givenSpaceWithEveryRole(h: TestApp): Promise<SpaceWorld> {
  const db = h.database.db
  const secretary = await givenPerson(db, { role: 'secretary', name: spacePersonas.S.who })
  const space = await givenSpace(db, { secretaryId: secretary.id })
  const clients = {} as Record<SpacePersona, Client>
  for (const [key, p] of Object.entries(spacePersonas) as [SpacePersona, Persona][]) {
    const email = key === 'S' ? secretary.email : await accountOf(db, p, space.id)
    clients[key] = email ? await signedIn(h.app, email) : new Client(h.app)
  }
  const o = await givenSpaceObjects(h, space.id, secretary.id)
  return { clients, request: (route) => requestFor(db, route, o) }
}

/** The address's parameters filled with the objects made for the space, and the form the route needs. */
async function requestFor(db: Db, route: string, o: SpaceObjects): Promise<RouteRequest> {
  const path = route.replace(/^(GET|POST)\s+/, '')
  // What an address's :itemId names, by the part of the path that says so (a visit is a meeting).
  const items: [string, string][] = [
    ['/visit/', o.visit],
    ['/meetings/', o.meeting],
    ['/analyses/', o.analysis],
    ['/materials/', o.material],
    ['/compositions/', o.proposal],
    ['/schedule/', o.scheduleItem],
    ['/rules/', o.rules],
    ['/announcements/', o.announcement],
    ['/guests/', o.guestSeat],
  ]
  const url = path
    .replace(':id', o.space)
    .replace(':itemId', items.find(([part]) => path.includes(part))?.[1] ?? ':itemId')
    .replace(':fileId', o.file)
    .replace(':noticeId', o.notice)
    .replace(':requestId', o.translation)
    .replace(':decisionId', o.decision)
    .replace(':revision', '1')
    .replace(':format', 'pdf')
    .replace(':deliveryId', o.delivery)
  if (url.includes(':'))
    throw new Error(`${route}: no object of the space fills ${url} (test/support/space-fixture.ts)`)
  return { url, form: await formFor(db, route, o) }
}

/**
 * Most forms are sent empty: the handler runs and refuses the missing fields (422). A few read an id
 * from the form first (a missing one is "not found"); they get a real object, made for each request
 * where the form takes it away (a proposal's entry, a decision of the draft minutes).
 */
async function formFor(db: Db, route: string, o: SpaceObjects): Promise<Record<string, string>> {
  switch (route) {
    case 'POST /spaces/:id/announcements/:itemId/pin':
      return { pinned: 'yes' }
    case 'POST /spaces/:id/compositions/:itemId/remove': {
      const person = await givenPerson(db, { name: 'Kandydat do składu' })
      const entry = await db
        .insertInto('composition_entries')
        .values({
          proposal_id: o.proposal,
          person_id: person.id,
          role: 'member',
          represents: 'ngo',
          organisation_id: null,
          justification: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { entryId: entry.id }
    }
    case 'POST /spaces/:id/meetings/:itemId/minutes/decisions/remove':
      return { decisionId: await givenDecision(db, o) }
    default:
      return {}
  }
}
