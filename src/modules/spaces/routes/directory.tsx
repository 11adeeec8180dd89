// The member directory across spaces for the secretariat: who sits where, filtered, and exported.
import type { FastifyInstance } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { sendTable } from '../../../kernel/exports.ts'
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
      const day = today()
      async function* pages() {
        for await (const rows of spaces.exportDirectory(req.db, query, day))
          yield directoryTable(req.t, req.lang, rows).rows
      }
      return sendTable(reply, query.format, {
        fileName: `${req.t('spaces.directory.title')} ${day}.${query.format}`,
        sheetName: req.t('spaces.directory.title'),
        headers: directoryTable(req.t, req.lang, []).headers,
        pages: pages(),
      })
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
