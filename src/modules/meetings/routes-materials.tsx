// Materials of a meeting: meetings owns the link between a meeting and the materials module's files.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { attachment } from '../../kernel/exports.ts'
import { submitForm } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import { MaterialForm, type MaterialPlace } from '../materials/index.ts'
import * as materials from '../materials/service.ts'
import { meetingFor } from './load.ts'
import { renderMeetingPage } from './routes.tsx'
import { requireMeeting } from './service.ts'
import { meetingName } from './views/meeting-name.ts'

export async function meetingMaterialRoutes(app: FastifyInstance) {
  // Adding a material happens on the meeting page; a refused one shows that page again.
  app.post(
    '/spaces/:id/meetings/:itemId/materials',
    {
      config: { permission: 'signedIn', spacePermission: 'space.convene', upload: true },
    },
    async (req, reply) => {
      const { space, actor, meeting } = await meetingFor(req)
      return submitForm(req, reply, MaterialForm, {
        act: (data) => materials.addMaterial(req.db, app.storage, actor, meeting, data),
        again: (errors) => renderMeetingPage(req, reply, { form: 'material', errors }),
        flash: (added) =>
          added.kind === 'version'
            ? req.t('materials.addedAsVersion', { title: added.title, version: added.version })
            : req.t('materials.added'),
        to: `/spaces/${space.id}/meetings/${meeting.id}#materials`,
      })
    },
  )

  app.get(
    '/spaces/:id/meetings/:itemId/materials.zip',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { meeting } = await meetingFor(req)
      const list = await materials.listMeetingMaterials(req.db, meeting)
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
}

/** The meeting a material belongs to and its agenda item, for the material's page. */
export async function materialPlace(
  req: FastifyRequest,
  spaceId: string,
  material: { meeting_id: string | null; agenda_item_id: string | null },
): Promise<MaterialPlace | undefined> {
  if (!material.meeting_id) return undefined
  const meeting = await requireMeeting(req.db, spaceId, material.meeting_id)
  const index = meeting.agenda.findIndex((a) => a.id === material.agenda_item_id)
  return {
    url: `/spaces/${spaceId}/meetings/${meeting.id}`,
    name: meetingName(req.t, meeting),
    item: index >= 0 ? `${index + 1}. ${meeting.agenda[index].title}` : null,
  }
}
