// Expected errors, each with a stable code; one handler in kernel/http turns them into pages.

export class NotFoundError extends Error {
  readonly code = 'not_found'
  readonly statusCode = 404
}

export class ForbiddenError extends Error {
  readonly code = 'forbidden'
  readonly statusCode = 403
}

export class SignInRequiredError extends Error {
  readonly code = 'sign_in_required'
  readonly statusCode = 401
}

/** PostgreSQL's SQLSTATE of a failed statement (the same on PGlite), e.g. 23505 unique violation. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/**
 * A broken business rule, shown like a validation message (next to `field` if it has one); `params`
 * fill the message's placeholders.
 */
export class RuleError extends Error {
  readonly code = 'rule'
  readonly statusCode = 422
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key)
  }
}
