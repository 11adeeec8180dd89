import type { FastifyInstance } from 'fastify'
import { render, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import { listAuditActions, listAuditEntries } from './queries.ts'
import { AuditQuery } from './schemas.ts'
import { AuditPage } from './views/audit-page.tsx'

export async function auditRoutes(app: FastifyInstance) {
  app.get('/audit', { config: { permission: 'audit.read' } }, async (req, reply) => {
    authorize(req.actor, 'audit.read')
    const query = AuditQuery.parse(req.query)
    const page = pageFrom(req.query, 50)
    const [entries, actions] = await Promise.all([
      listAuditEntries(req.db, query, page),
      listAuditActions(req.db),
    ])
    const { rows, hasNext } = pageOf(entries, page)
    return render(
      reply,
      <AuditPage
        ctx={viewContext(req, reply)}
        rows={rows}
        actions={actions}
        page={page}
        hasNext={hasNext}
        query={query}
      />,
    )
  })
}
