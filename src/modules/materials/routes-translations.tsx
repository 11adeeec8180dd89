// Translations of materials: the secretariat's request on a material's page, its list across the
// spaces it services, and the translator's private page behind a link that needs no account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { today } from '../../kernel/dates.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import type { ModuleContext } from '../../kernel/module.ts'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { inSpace } from '../spaces/index.ts'
import { materialPlaces } from './place.ts'
import { renderMaterialPage } from './routes.tsx'
import { downloadName } from './rules.ts'
import { MaterialParams } from './schemas.ts'
import * as materials from './service.ts'
import {
  CancelForm,
  DeliveryForm,
  RequestParams,
  TokenParams,
  TranslationForm,
  TranslationsQuery,
} from './translation-schemas.ts'
import * as translations from './translations.ts'
import { TranslationUploadPage } from './views/translation-upload-page.tsx'
import { TranslationsPage } from './views/translations-page.tsx'

export async function translationRoutes(
  app: FastifyInstance,
  { config, modules }: Pick<ModuleContext, 'config' | 'modules'>,
) {
  const placeOf = materialPlaces(modules)
  app.post(
    '/spaces/:id/materials/:itemId/translations',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      const { itemId } = MaterialParams.parse(req.params)
      const material = await materials.requireMaterial(req.db, space.id, itemId)
      return submitForm(req, reply, TranslationForm, {
        act: (data) => translations.requestTranslation(req.db, actor, material, space, data, config.baseUrl),
        again: (errors) => renderMaterialPage(req, reply, placeOf, { form: 'translation', errors }),
        flash: req.t('translations.requested'),
        to: `/spaces/${space.id}/materials/${material.id}#translations`,
      })
    },
  )

  app.post(
    '/spaces/:id/materials/:itemId/translations/:requestId/cancel',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      const { itemId, requestId } = RequestParams.parse(req.params)
      const material = await materials.requireMaterial(req.db, space.id, itemId)
      const { back } = CancelForm.parse(req.body ?? {})
      return submitForm(req, reply, CancelForm, {
        act: () => translations.cancelTranslation(req.db, actor, material, requestId),
        again: (errors) => renderMaterialPage(req, reply, placeOf, { form: 'translation', errors }),
        flash: req.t('translations.cancelled'),
        to: back === 'list' ? '/translations' : `/spaces/${space.id}/materials/${material.id}#translations`,
      })
    },
  )

  app.get('/translations', { config: { permission: 'translations.read' } }, async (req, reply) => {
    authorize(req.actor, 'translations.read')
    const query = TranslationsQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(
      await translations.listTranslations(req.db, req.actor, query, page),
      page,
    )
    // Every row is of a space the person services (the list is scoped so), where they may cancel.
    return render(
      reply,
      <TranslationsPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
        today={today()}
        canCancel
      />,
    )
  })

  // The translator's private page: the token in the address is the key, checked hashed at every
  // request; no account, no JavaScript. A cancelled or unknown link is "not found".
  const privatePage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { token } = TokenParams.parse(req.params)
    const request = await translations.requireByToken(req.db, token)
    return render(
      reply
        .code(errors ? 422 : 200)
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex'),
      <TranslationUploadPage
        ctx={viewContext(req, reply)}
        request={request}
        base={`/translations/${token}`}
        today={today()}
        errors={errors}
      />,
    )
  }

  app.get('/translations/:token', { config: { permission: 'public' } }, async (req, reply) =>
    privatePage(req, reply),
  )

  app.get('/translations/:token/source', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const r = await translations.requireByToken(req.db, token)
    const name = downloadName({ title: r.title, language: r.source_language, kind: r.source_kind })
    return app.storage.send(req.db, reply.header('x-robots-tag', 'noindex'), r.source_hash, name)
  })

  app.post('/translations/:token/start', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    return submitForm(req, reply, z.object({}), {
      act: () => translations.startTranslation(req.db, token, req.ip),
      again: (errors) => privatePage(req, reply, errors),
      flash: req.t('translations.private.started'),
      to: `/translations/${token}`,
    })
  })

  // The link is checked before the kernel reads the file: nothing is read for a link that is not there.
  const linkFirst = async (req: FastifyRequest) => {
    await translations.requireByToken(req.db, TokenParams.parse(req.params).token)
  }

  app.post(
    '/translations/:token',
    { config: { permission: 'public', upload: true }, preValidation: linkFirst },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      return submitForm(req, reply, DeliveryForm, {
        act: (data) => translations.deliverTranslation(req.db, app.storage, token, data.file, req.ip),
        again: (errors) => privatePage(req, reply, errors),
        flash: req.t('translations.private.thanks'),
        to: `/translations/${token}`,
      })
    },
  )
}
