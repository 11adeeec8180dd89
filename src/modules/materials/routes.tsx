import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import type { ModuleContext } from '../../kernel/module.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { inSpace } from '../spaces/index.ts'
import * as spaces from '../spaces/service.ts'
import { type MaterialPlaceOf, materialPlaces } from './place.ts'
import { FileParams, MaterialParams, VersionForm, VisibilityForm } from './schemas.ts'
import * as materials from './service.ts'
import { listMaterialRequests } from './translations.ts'
import { MaterialPage } from './views/material-page.tsx'
import { MaterialTranslations } from './views/translation-section.tsx'

export async function materialRoutes(app: FastifyInstance, { modules }: Pick<ModuleContext, 'modules'>) {
  const placeOf = materialPlaces(modules)
  app.get(
    '/spaces/:id/materials/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => renderMaterialPage(req, reply, placeOf),
  )

  const loaded = async (req: FastifyRequest) => {
    const { itemId } = MaterialParams.parse(req.params)
    const { space, actor } = inSpace(req)
    return { space, actor, material: await materials.requireMaterial(req.db, space.id, itemId) }
  }

  app.post(
    '/spaces/:id/materials/:itemId/versions',
    {
      config: { permission: 'signedIn', spacePermission: 'space.convene', upload: true },
    },
    async (req, reply) => {
      const { space, actor, material } = await loaded(req)
      return submitForm(req, reply, VersionForm, {
        act: (data) => materials.addVersion(req.db, app.storage, actor, material, data),
        again: (errors) => renderMaterialPage(req, reply, placeOf, { form: 'version', errors }),
        flash: (version) => req.t('materials.versionAdded', { version }),
        to: `/spaces/${space.id}/materials/${material.id}`,
      })
    },
  )

  app.post(
    '/spaces/:id/materials/:itemId/visibility',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, material } = await loaded(req)
      return submitForm(req, reply, VisibilityForm, {
        act: (data) => materials.setVisibility(req.db, actor, material, data.visibility),
        again: (errors) => renderMaterialPage(req, reply, placeOf, { form: 'visibility', errors }),
        flash: req.t('materials.visibilityChanged'),
        to: `/spaces/${space.id}/materials/${material.id}`,
      })
    },
  )

  app.get(
    '/spaces/:id/materials/:itemId/files/:fileId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { itemId, fileId } = FileParams.parse(req.params)
      const { space } = inSpace(req)
      const file = await materials.requireFile(req.db, space.id, itemId, fileId)
      return app.storage.send(req.db, reply, file.hash, file.name)
    },
  )

  // Anyone may download a public material of a space the secretariat published; to the public,
  // a members-only material, or any material of an unpublished space, does not exist.
  app.get(
    '/networks/:id/materials/:itemId/files/:fileId',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const { id, itemId, fileId } = FileParams.parse(req.params)
      const space = await spaces.requireSpace(req.db, req.actor, id)
      if (!space.is_public) throw new NotFoundError()
      const file = await materials.requireFile(req.db, space.id, itemId, fileId)
      if (file.visibility !== 'public') throw new NotFoundError()
      return app.storage.send(req.db, reply, file.hash, file.name)
    },
  )
}

/**
 * A material's page; after a refused form on it (a new version, the visibility, a translation
 * request), the same page with 422, the typed values and the messages.
 */
export async function renderMaterialPage(
  req: FastifyRequest,
  reply: FastifyReply,
  placeOf: MaterialPlaceOf,
  refused?: { form: 'version' | 'visibility' | 'translation'; errors: FieldErrors },
) {
  const { itemId } = MaterialParams.parse(req.params)
  const { space, may } = inSpace(req)
  const material = await materials.requireMaterial(req.db, space.id, itemId)
  const place = await placeOf(req, space.id, material)
  const ctx = viewContext(req, reply)
  // The secretariat asks for translations here and sees those asked before.
  const canTranslate = may['space.convene']
  const requests = canTranslate ? await listMaterialRequests(req.db, material.id) : []
  return render(
    reply.code(refused ? 422 : 200),
    <MaterialPage
      ctx={ctx}
      space={space}
      may={may}
      material={material}
      meeting={place}
      publicBase={
        space.is_public && material.visibility === 'public'
          ? `/networks/${space.id}/materials/${material.id}`
          : undefined
      }
      form={refused?.form}
      values={refused ? typedValues(req.body) : undefined}
      errors={refused?.errors}
    >
      {canTranslate ? (
        <MaterialTranslations
          ctx={ctx}
          base={`/spaces/${space.id}/materials/${material.id}`}
          today={today()}
          requests={requests}
          languages={[...new Set(material.files.map((f) => f.language))]}
          values={refused?.form === 'translation' ? typedValues(req.body) : undefined}
          errors={refused?.form === 'translation' ? refused.errors : undefined}
        />
      ) : (
        ''
      )}
    </MaterialPage>,
  )
}
