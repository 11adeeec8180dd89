// An event's own pages, for whoever runs it: the route options that decide it (signed in, and the
// policy's event.manage before the body is read, as the kernel decides a route's permission), and
// the event they found, kept for the handler. Shared by routes.tsx, day-routes.tsx and
// questions-routes.tsx.
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify'
import { authorizeEvent } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { EventParams } from './schemas.ts'
import * as events from './service.ts'

async function loadManaged(req: FastifyRequest) {
  const event = await events.findEvent(
    req.db as Db,
    EventParams.parse(req.params).eventId,
    req.actor?.id ?? null,
  )
  authorizeEvent(req.actor, 'event.manage', { organises: event.organises })
  return { event, actor: req.actor }
}

const managed = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof loadManaged>>>()

export const perEvent = {
  config: { permission: 'signedIn' },
  preParsing: async (req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
    managed.set(req, await loadManaged(req))
    return payload
  },
} as const

/** The same for a route that takes a file: decided before the file is read (kernel/http.tsx). */
export const perEventUpload = {
  config: { permission: 'signedIn', upload: true },
  preValidation: async (req: FastifyRequest) => {
    managed.set(req, await loadManaged(req))
  },
} as const

/** The event and the person running it, as the route's hook found them. */
export const managedEvent = async (req: FastifyRequest) => managed.get(req) ?? loadManaged(req)
