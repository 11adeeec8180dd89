// The one place that decides who may do what. Routes declare a permission next to their
// definition (config.permission); handlers call authorize() for rules that need the resource.
// Per-space roles (networks issue) arrive as a second input to the same predicates.
import { ForbiddenError, SignInRequiredError } from './errors.ts'

export const globalRoles = [
  'admin',
  'coordinator',
  'secretary',
  'managing_authority',
  'member',
  'expert',
  'project_staff',
  'community_member',
] as const
export type GlobalRole = (typeof globalRoles)[number]

export interface Actor {
  id: string
  email: string
  name: string
  role: GlobalRole
  sessionId: string
  /** The request's address, for the audit log. */
  ip: string | null
}

const secretariat: readonly GlobalRole[] = ['admin', 'coordinator']

/** Route-level permissions. 'public' needs nothing, 'signedIn' any active account. */
const rules = {
  public: () => true,
  signedIn: (a: Actor | null) => a !== null,
  'people.read': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'people.invite': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'people.manage': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'organisations.manage': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'audit.read': (a: Actor | null) => a !== null && a.role === 'admin',
} satisfies Record<string, (actor: Actor | null) => boolean>

export type Permission = keyof typeof rules
export const permissions = Object.keys(rules) as Permission[]

export function can(actor: Actor | null, permission: Permission): boolean {
  return rules[permission](actor)
}

/** Throws SignInRequired for an anonymous person, Forbidden for a signed-in one. */
export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (can(actor, permission)) return
  throw actor ? new ForbiddenError() : new SignInRequiredError()
}

/** Roles a person may hand out: only an administrator makes or unmakes administrators. */
export function assignableRoles(actor: Pick<Actor, 'role'>): readonly GlobalRole[] {
  if (actor.role === 'admin') return globalRoles
  if (actor.role === 'coordinator') return globalRoles.filter((r) => r !== 'admin')
  return []
}

export function canChangeRoleOf(actor: Pick<Actor, 'role'>, current: GlobalRole, next: GlobalRole): boolean {
  const allowed = assignableRoles(actor)
  return allowed.includes(current) && allowed.includes(next)
}
