// The secretariat's pages for the programmes' taxonomy and the themes (projects.manage).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { authorize } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { ProjectParams, RemoveForm } from '../schemas.ts'
import { NodeForm, ThemeForm } from './schemas.ts'
import * as taxonomy from './service.ts'
import { TaxonomyEditPage, type TaxonomyForm, TaxonomyPage } from './views/taxonomy-page.tsx'

const manage = { config: { permission: 'projects.manage' } } as const

export async function taxonomyRoutes(app: FastifyInstance) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    refused?: { form: TaxonomyForm; errors: FieldErrors },
  ) => {
    const db = req.db as Db
    const [tree, themes] = await Promise.all([taxonomy.taxonomyTree(db), taxonomy.themesWithCounts(db)])
    return render(
      reply.code(refused ? 422 : 200),
      <TaxonomyPage
        ctx={viewContext(req, reply)}
        tree={tree}
        themes={themes}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )
  }

  app.get('/projects/taxonomy', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    return page(req, reply)
  })

  app.post('/projects/taxonomy', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, NodeForm, {
      act: (form) => taxonomy.addNode(req.db as Db, actor, form),
      again: (errors) => page(req, reply, { form: 'node', errors }),
      flash: req.t('projects.taxonomy.added'),
      to: '/projects/taxonomy',
    })
  })

  app.post('/projects/taxonomy/remove', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, RemoveForm, {
      act: async (form) => {
        const node = await taxonomy.findNode(req.db as Db, form.rowId)
        if (!node) throw new NotFoundError()
        return taxonomy.removeNode(req.db as Db, actor, node)
      },
      again: (errors) => page(req, reply, { form: 'remove', errors }),
      flash: req.t('projects.taxonomy.removed'),
      to: '/projects/taxonomy',
    })
  })

  const nodeOf = async (req: FastifyRequest) => {
    authorize(req.actor, 'projects.manage')
    const node = await taxonomy.findNode(req.db as Db, ProjectParams.parse(req.params).id)
    if (!node) throw new NotFoundError()
    return { node, actor: req.actor }
  }

  app.get('/projects/taxonomy/:id', manage, async (req, reply) => {
    const { node } = await nodeOf(req)
    return render(reply, <TaxonomyEditPage ctx={viewContext(req, reply)} kind="node" item={node} />)
  })

  app.post('/projects/taxonomy/:id', manage, async (req, reply) => {
    const { node, actor } = await nodeOf(req)
    return submitForm(req, reply, NodeForm, {
      act: (form) => taxonomy.saveNode(req.db as Db, actor, node, form),
      again: (errors) =>
        render(
          reply.code(422),
          <TaxonomyEditPage
            ctx={viewContext(req, reply)}
            kind="node"
            item={node}
            values={typedValues(req.body)}
            errors={errors}
          />,
        ),
      flash: req.t('projects.taxonomy.saved'),
      to: '/projects/taxonomy',
    })
  })

  app.post('/projects/themes', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, ThemeForm, {
      act: (form) => taxonomy.addTheme(req.db as Db, actor, form),
      again: (errors) => page(req, reply, { form: 'theme', errors }),
      flash: req.t('projects.taxonomy.themeAdded'),
      to: '/projects/taxonomy#themes',
    })
  })

  app.post('/projects/themes/remove', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, RemoveForm, {
      act: async (form) => {
        const theme = await taxonomy.findTheme(req.db as Db, form.rowId)
        if (!theme) throw new NotFoundError()
        return taxonomy.removeTheme(req.db as Db, actor, theme)
      },
      again: (errors) => page(req, reply, { form: 'remove', errors }),
      flash: req.t('projects.taxonomy.themeRemoved'),
      to: '/projects/taxonomy#themes',
    })
  })

  const themeOf = async (req: FastifyRequest) => {
    authorize(req.actor, 'projects.manage')
    const theme = await taxonomy.findTheme(req.db as Db, ProjectParams.parse(req.params).id)
    if (!theme) throw new NotFoundError()
    return { theme, actor: req.actor }
  }

  app.get('/projects/themes/:id', manage, async (req, reply) => {
    const { theme } = await themeOf(req)
    return render(reply, <TaxonomyEditPage ctx={viewContext(req, reply)} kind="theme" item={theme} />)
  })

  app.post('/projects/themes/:id', manage, async (req, reply) => {
    const { theme, actor } = await themeOf(req)
    return submitForm(req, reply, ThemeForm, {
      act: (form) => taxonomy.saveTheme(req.db as Db, actor, theme, form),
      again: (errors) =>
        render(
          reply.code(422),
          <TaxonomyEditPage
            ctx={viewContext(req, reply)}
            kind="theme"
            item={theme}
            values={typedValues(req.body)}
            errors={errors}
          />,
        ),
      flash: req.t('projects.taxonomy.saved'),
      to: '/projects/taxonomy#themes',
    })
  })
}
