// The member directory across spaces for the secretariat: who sits where, filtered, and exported.
import type { FastifyInstance } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { attachment, contentTypes, toCsv, toXlsx } from '../../../kernel/exports.ts'
import { render, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize } from '../../../kernel/policy.ts'
import { DirectoryQuery } from '../schemas.ts'
import * as spaces from '../service.ts'
import { DirectoryPage, directoryTable } from '../views/directory-page.tsx'

export async function directoryRoutes(app: FastifyInstance) {
  app.get('/directory', { config: { permission: 'spaces.directory' } }, async (req, reply) => {
    authorize(req.actor, 'spaces.directory')
    const query = DirectoryQuery.parse(req.query)
    if (query.format) {
      const { headers, rows } = directoryTable(
        req.t,
        req.lang,
        await spaces.exportDirectory(req.db, query, today()),
      )
      const name = `${req.t('spaces.directory.title')} ${today()}.${query.format}`
      reply.header('content-disposition', attachment(name)).type(contentTypes[query.format])
      return query.format === 'csv'
        ? toCsv(headers, rows)
        : toXlsx(req.t('spaces.directory.title'), headers, rows)
    }
    const page = pageFrom(req.query, 50)
    const [list, choices] = await Promise.all([
      spaces.listDirectory(req.db, query, today(), page),
      spaces.listSpaceChoices(req.db),
    ])
    const { rows, hasNext } = pageOf(list, page)
    return render(
      reply,
      <DirectoryPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
        spaces={choices}
      />,
    )
  })
}
