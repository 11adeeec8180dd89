import type { FastifyReply } from 'fastify'
import { render } from '../../../kernel/http.tsx'
import type { ViewContext } from '../../../kernel/views/context.ts'
import type { LinkState } from '../rules.ts'
import { LinkProblemPage } from '../views/link-problem-page.tsx'

/** A reset or invitation link that cannot be used (410): says why and offers the way on. */
export function refuseLink(
  reply: FastifyReply,
  ctx: ViewContext,
  kind: 'reset' | 'invitation',
  state: LinkState,
  renewAction?: string,
) {
  // 'valid' reaches here only when the link's person is gone: to the visitor it is unknown.
  const problem = state === 'valid' ? 'unknown' : state
  return render(
    reply.code(410),
    <LinkProblemPage
      ctx={ctx}
      kind={kind}
      state={problem}
      renewAction={problem === 'expired' ? renewAction : undefined}
    />,
  )
}
