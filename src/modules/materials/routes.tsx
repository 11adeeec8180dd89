import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../kernel/errors.ts'
import { attachment } from '../../kernel/exports.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { meetingFor } from '../meetings/load.ts'
import { renderMeetingPage } from '../meetings/routes.tsx'
import * as meetings from '../meetings/service.ts'
import { meetingName } from '../meetings/views/meeting-name.ts'
import { spaceFirst, spaceFor } from '../spaces/routes/load.ts'
import { today } from '../spaces/rules.ts'
import * as spaces from '../spaces/service.ts'
import { FileParams, MaterialForm, MaterialParams, VersionForm, VisibilityForm } from './schemas.ts'
import * as materials from './service.ts'
import { listMaterialRequests } from './translations.ts'
import { MaterialPage } from './views/material-page.tsx'
import { MaterialTranslations } from './views/translation-section.tsx'

export async function materialRoutes(app: FastifyInstance) {
  // Adding a material happens on the meeting page; a refused one shows that page again.
  app.post(
    '/spaces/:id/meetings/:itemId/materials',
    {
      config: { permission: 'signedIn', spacePermission: 'space.convene', upload: true },
      preValidation: spaceFirst,
    },
    async (req, reply) => {
      const { space, actor, meeting } = await meetingFor(req, 'space.convene')
      return submitForm(req, reply, MaterialForm, {
        act: (data) => materials.addMaterial(req.db, app.storage, actor, meeting, data),
        again: (errors) => renderMeetingPage(req, reply, { form: 'material', errors }),
        flash: req.t('materials.added'),
        to: `/spaces/${space.id}/meetings/${meeting.id}#materials`,
      })
    },
  )

  app.get(
    '/spaces/:id/meetings/:itemId/materials.zip',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { meeting } = await meetingFor(req, 'space.read')
      const list = await materials.listMeetingMaterials(req.db, meeting.id)
      const name = req.t('materials.zipName', {
        meeting: meetingName(req.t, meeting),
        ...unescaped,
      })
      return reply
        .type('application/zip')
        .header('content-disposition', attachment(`${name}.zip`))
        .header('x-content-type-options', 'nosniff')
        .send(materials.zipMaterials(app.storage, meeting, list))
    },
  )

  app.get(
    '/spaces/:id/materials/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => renderMaterialPage(req, reply),
  )

  const loaded = async (req: FastifyRequest) => {
    const { itemId } = MaterialParams.parse(req.params)
    const { space, actor } = await spaceFor(req, 'space.convene')
    return { space, actor, material: await materials.requireMaterial(req.db, space.id, itemId) }
  }

  app.post(
    '/spaces/:id/materials/:itemId/versions',
    {
      config: { permission: 'signedIn', spacePermission: 'space.convene', upload: true },
      preValidation: spaceFirst,
    },
    async (req, reply) => {
      const { space, actor, material } = await loaded(req)
      return submitForm(req, reply, VersionForm, {
        act: (data) => materials.addVersion(req.db, app.storage, actor, material, data),
        again: (errors) => renderMaterialPage(req, reply, { form: 'version', errors }),
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
        again: (errors) => renderMaterialPage(req, reply, { form: 'visibility', errors }),
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
      const { space } = await spaceFor(req, 'space.read')
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
  refused?: { form: 'version' | 'visibility' | 'translation'; errors: FieldErrors },
) {
  const { itemId } = MaterialParams.parse(req.params)
  const { space, may } = await spaceFor(req, 'space.read')
  const material = await materials.requireMaterial(req.db, space.id, itemId)
  const meeting = material.meeting_id
    ? await meetings.requireMeeting(req.db, space.id, material.meeting_id)
    : undefined
  const index = meeting?.agenda.findIndex((a) => a.id === material.agenda_item_id) ?? -1
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
      meeting={
        meeting && {
          url: `/spaces/${space.id}/meetings/${meeting.id}`,
          name: meetingName(req.t, meeting),
          item: index >= 0 ? `${index + 1}. ${meeting.agenda[index].title}` : null,
        }
      }
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
