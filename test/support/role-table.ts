// The hand-written tables of who may do what (src/kernel/routes.test.ts for the app,
// src/modules/spaces/space-roles.test.ts inside a space): one line a route, one column a person.
// The expectations come from the product's rules as written in the table, never from the code
// under test, so a permission declared wrongly fails the walk.
import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'

/**
 * What a person gets from a route:
 * - `ok`: the handler ran: a GET shows its page or file (200); a POST is answered by its handler
 *   (done and shown or redirected, or its form refused beside the fields: 200, 201, 303, 409, 422);
 * - `303`: a GET whose handler sends the person on (not to sign in);
 * - `403`: refused; `404`: the person learns nothing, not even that it exists;
 * - `in`: an anonymous visitor is sent to sign in (303 to /sign-in?next=…).
 */
export type Outcome = 'ok' | '303' | '403' | '404' | 'in'
const outcomes: readonly string[] = ['ok', '303', '403', '404', 'in']

/** One request of a walk: a real address, and the form a POST sends (empty unless the route needs a field). */
export interface RouteRequest {
  url: string
  form: Record<string, string>
}

export interface Row {
  /** 'GET /spaces/:id/members', as in the app's routeList. */
  route: string
  method: string
  path: string
  expected: Record<string, Outcome>
}

/** Reads the table's lines: 'METHOD /path' and then one outcome per column, separated by spaces. */
export function parseTable<C extends string>(columns: readonly C[], lines: readonly string[]): Row[] {
  return lines.map((line) => {
    const [method, path, ...cells] = line.trim().split(/\s+/)
    assert.equal(
      cells.length,
      columns.length,
      `${method} ${path}: one outcome per column (${columns.join(' ')})`,
    )
    for (const cell of cells) assert.ok(outcomes.includes(cell), `${method} ${path}: "${cell}" is no outcome`)
    const expected = Object.fromEntries(columns.map((c, i) => [c, cells[i] as Outcome]))
    return { route: `${method} ${path}`, method, path, expected }
  })
}

/** What the answer says happened, as the table writes it; anything else (a 500, a 400) as its status. */
export function outcomeOf(method: string, res: LightMyRequestResponse): string {
  const status = res.statusCode
  const location = String(res.headers.location ?? '')
  if (status === 303 && location.startsWith('/sign-in?next=')) return 'in'
  if (status === 403 || status === 404) return String(status)
  if (method === 'GET') return status === 200 ? 'ok' : status === 303 ? '303' : `${status}`
  return [200, 201, 303, 409, 422].includes(status) ? 'ok' : `${status}`
}

/** The table has one line for every registered route, and none for a route that is gone. */
export function assertSameRoutes(rows: readonly Row[], registered: readonly string[], where: string) {
  const written = rows.map((r) => r.route)
  assert.deepEqual(
    {
      writtenTwice: written.filter((r, i) => written.indexOf(r) !== i),
      withoutLine: registered.filter((r) => !written.includes(r)),
      gone: written.filter((r) => !registered.includes(r)),
    },
    { writtenTwice: [], withoutLine: [], gone: [] },
    `the table of ${where} against the app's routes: write who may use a new route, remove a line whose route is gone`,
  )
}
