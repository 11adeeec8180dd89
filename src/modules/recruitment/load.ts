// A recruitment's own pages, for its project's staff: the route options that decide it (signed in,
// and the policy's recruitment.manage before the body is read), and the recruitment they found,
// kept for the handler.
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify'
import { authorizeRecruitment } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { RecruitmentParams } from './schemas.ts'
import { accessOf, findRecruitment } from './service.ts'

async function loadManaged(req: FastifyRequest) {
  const r = await findRecruitment(
    req.db as Db,
    RecruitmentParams.parse(req.params).recruitmentId,
    req.actor?.id ?? null,
  )
  authorizeRecruitment(req.actor, 'recruitment.manage', accessOf(r))
  return { r, actor: req.actor }
}

const managed = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof loadManaged>>>()

export const perRecruitment = {
  config: { permission: 'signedIn' },
  preParsing: async (req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
    managed.set(req, await loadManaged(req))
    return payload
  },
} as const

/** The same for a route that takes a file: decided before the file is read (kernel/http.tsx). */
export const perRecruitmentUpload = {
  config: { permission: 'signedIn', upload: true },
  preValidation: async (req: FastifyRequest) => {
    managed.set(req, await loadManaged(req))
  },
} as const

/** The recruitment and the member of staff, as the route's hook found them. */
export const managedRecruitment = async (req: FastifyRequest) => managed.get(req) ?? loadManaged(req)
