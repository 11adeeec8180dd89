// Who may do what inside a space, written by hand from the product's rules (docs/spaces.md,
// meetings.md, materials.md, analyses.md; DESIGN.md "Cross-cutting rules"), not from the policy
// under test: one line a route under /spaces/:id, one column a person. Every address is opened with
// real objects of one space (test/support/space-fixture.ts), so an allowed person reaches a handler
// that finds what it looks for, and a permission declared wrongly shows as a line that differs.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { assertSameRoutes, outcomeOf, parseTable } from '../../../test/support/role-table.ts'
import {
  givenSpaceWithEveryRole,
  type SpacePersona,
  spacePersonas,
} from '../../../test/support/space-fixture.ts'
import { type Actor, type GlobalRole, type SpaceRole, spaceCan } from '../../kernel/policy.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

// Outcomes (test/support/role-table.ts): ok = the handler ran (a GET shows its page, a POST is done
// or its form refused beside the fields), 403 refused, 404 "not found" (a stranger learns nothing),
// in = sent to sign in.
// Columns: an anonymous, S the space's secretary, oS another network's secretary, m a member of other
// spaces, C the coordinator, IZ the managing authority, A an administrator; seats in the space:
// ch chair, vc vice-chair, me member, de deputy, ex expert, ob observer, gu guest (for ten more
// days); fo a former member (test/support/space-fixture.ts makes them).
const table = parseTable(Object.keys(spacePersonas) as SpacePersona[], [
  // The space, its settings and members; guests are the secretariat's to invite and end.
  //                                                                     an  S   oS  m   C   IZ  A   ch  vc  me  de  ex  ob  gu  fo
  'GET  /spaces/:id                                                      in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'GET  /spaces/:id/settings                                             in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/settings                                             in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/members                                              in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/guests                                               in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/guests/:itemId/end                                   in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  // Composition: the secretariat drafts and submits, only the managing authority decides; readers see
  // a proposal once it is sent. The fixture's proposal is a draft: the secretariat's alone, so to
  // everyone else, the managing authority included, it does not exist yet.
  'GET  /spaces/:id/compositions                                         in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/compositions                                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/compositions/:itemId                                 in  ok  404 404 ok  404 ok  404 404 404 404 404 404 404 404',
  'POST /spaces/:id/compositions/:itemId/note                            in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/compositions/:itemId/entries                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/compositions/:itemId/remove                          in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/compositions/:itemId/submit                          in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/compositions/:itemId/return                          in  403 404 404 403 404 403 403 403 403 403 403 403 403 404',
  'POST /spaces/:id/compositions/:itemId/approve                         in  403 404 404 403 404 403 403 403 403 403 403 403 403 404',
  // The work schedule and announcements: the secretariat and the chair (or vice-chair); adopting
  // the schedule and the rules of procedure is the secretariat's.
  //                                                                     an  S   oS  m   C   IZ  A   ch  vc  me  de  ex  ob  gu  fo
  'POST /spaces/:id/schedule/adopt                                       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/schedule                                             in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'GET  /spaces/:id/schedule/new                                         in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  'POST /spaces/:id/schedule                                             in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  'GET  /spaces/:id/schedule/:itemId                                     in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  'POST /spaces/:id/schedule/:itemId                                     in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  'GET  /spaces/:id/rules                                                in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'GET  /spaces/:id/rules/new                                            in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/rules                                                in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/rules/:itemId/adopt                                  in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/announcements                                        in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/announcements                                        in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  'POST /spaces/:id/announcements/:itemId/pin                            in  ok  404 404 ok  403 ok  ok  ok  403 403 403 403 403 404',
  // Materials: every reader downloads; the secretariat adds versions, sets visibility, orders translations.
  //                                                                     an  S   oS  m   C   IZ  A   ch  vc  me  de  ex  ob  gu  fo
  'GET  /spaces/:id/materials/:itemId                                    in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/materials/:itemId/versions                           in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/materials/:itemId/visibility                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/materials/:itemId/files/:fileId                      in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/materials/:itemId/translations                       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/materials/:itemId/translations/:requestId/cancel     in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  // Meetings: the secretariat convenes, prepares the agenda, sends notices and keeps the proof of delivery.
  'GET  /spaces/:id/meetings                                             in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'GET  /spaces/:id/meetings/new                                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/new                                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId                                     in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/meetings/:itemId/agenda                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/agenda/move                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/agenda/remove                       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/notice                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/edit                                in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/edit                                in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/cancel                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/cancel                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/notices/:noticeId                   in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/materials                           in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/materials.zip                       in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  // Attendance: those with a vote answer for themselves (a deputy is sent, not asked); the secretary
  // records presence and prints the list to sign.
  //                                                                     an  S   oS  m   C   IZ  A   ch  vc  me  de  ex  ob  gu  fo
  'POST /spaces/:id/meetings/:itemId/attendance                          in  403 404 404 403 403 403 ok  ok  ok  403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/presence                            in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/attendance.pdf                      in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  // Minutes: the secretary writes them, anyone with a seat comments, the chair (or vice-chair) approves,
  // every reader downloads the approved text.
  'GET  /spaces/:id/meetings/:itemId/minutes                             in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/meetings/:itemId/minutes/start                       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/minutes/edit                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/edit                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/decisions                   in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/minutes/decisions/:decisionId       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/decisions/:decisionId       in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/decisions/remove            in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/actions                     in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/actions/remove              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/send                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/comments                    in  403 404 404 403 403 403 ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/meetings/:itemId/minutes/answers                     in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/approve                     in  403 404 404 403 403 403 ok  ok  403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/minutes/correct                     in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/minutes/revisions/:revision/:format in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  // The register of decisions: every reader searches it; the secretariat forwards and takes in.
  //                                                                     an  S   oS  m   C   IZ  A   ch  vc  me  de  ex  ob  gu  fo
  'GET  /spaces/:id/decisions                                            in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/decisions/incoming                                   in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/decisions/:decisionId                                in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'POST /spaces/:id/decisions/:decisionId/forward                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  // A study visit's participants, places and report are the secretariat's (members read a published
  // report on the meeting's page).
  'POST /spaces/:id/meetings/:itemId/visit/participants                  in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/visit/participants/remove           in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/visit/capacity                      in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/visit/participants.csv              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/visit/participants.xlsx             in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/meetings/:itemId/visit/report                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/meetings/:itemId/visit/report                        in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  // Commissioned analyses: readers see the space's list; ordering, the review and cancelling are the
  // secretariat's; the order and its delivered files are read by the managing authority too.
  'GET  /spaces/:id/analyses                                             in  ok  404 404 ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  404',
  'GET  /spaces/:id/analyses/new                                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/analyses/new                                         in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/analyses/:itemId                                     in  ok  404 404 ok  ok  ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/analyses/:itemId/review                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'POST /spaces/:id/analyses/:itemId/cancel                              in  ok  404 404 ok  403 ok  403 403 403 403 403 403 403 404',
  'GET  /spaces/:id/analyses/:itemId/deliveries/:deliveryId              in  ok  404 404 ok  ok  ok  403 403 403 403 403 403 403 404',
])

test('every page of a space has a line in the table, and every line a page', () => {
  const registered = h.app.routeList
    .filter((r) => r.url.startsWith('/spaces/:id'))
    .map((r) => `${r.method} ${r.url}`)
  assertSameRoutes(table, registered, '/spaces/:id')
})

test('inside a space each person gets what the table says, from a handler that finds real objects', async () => {
  const world = await givenSpaceWithEveryRole(h)
  const differences: string[] = []
  for (const row of table) {
    for (const [persona, expected] of Object.entries(row.expected) as [SpacePersona, string][]) {
      const { url, form } = await world.request(row.route)
      const client = world.clients[persona]
      const res = row.method === 'GET' ? await client.get(url) : await client.post(url, form)
      const got = outcomeOf(row.method, res)
      if (got !== expected) {
        differences.push(`${row.route} for ${spacePersonas[persona].who}: expected ${expected}, got ${got}`)
      }
    }
  }
  assert.deepEqual(differences, [])
})

test('the policy inside a space: chairs manage, only the secretariat sets up, only the managing authority decides', () => {
  const as = (role: GlobalRole, id = 'me'): Actor => ({
    id,
    email: 'x',
    name: 'x',
    role,
    sessionId: '',
    ip: null,
  })
  const space = (role: SpaceRole | null, secretaryId: string | null = 'sec') => ({
    isPublic: false,
    secretaryId,
    role,
  })
  assert.equal(spaceCan(as('member'), 'space.read', space(null)), false)
  assert.equal(spaceCan(as('member'), 'space.read', space('guest')), true)
  assert.equal(spaceCan(as('member'), 'space.manage', space('chair')), true)
  assert.equal(spaceCan(as('member'), 'space.settings', space('chair')), false)
  assert.equal(spaceCan(as('secretary', 'sec'), 'space.propose', space(null)), true)
  assert.equal(spaceCan(as('secretary', 'other'), 'space.read', space(null)), false)
  assert.equal(spaceCan(as('managing_authority'), 'space.read', space(null)), true)
  assert.equal(spaceCan(as('managing_authority'), 'space.propose', space(null)), false)
  assert.equal(spaceCan(as('coordinator'), 'space.decide', space(null)), false)
  assert.equal(spaceCan(null, 'space.read', { ...space(null), isPublic: true }), false)
})
