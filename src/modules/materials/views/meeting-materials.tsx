import { formatDate } from '../../../kernel/dates.ts'
import { fileKinds } from '../../../kernel/storage.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { Table } from '../../../kernel/views/table.tsx'
import { StatusTag } from '../../spaces/index.ts'
import type { MeetingMaterial } from '../service.ts'
import { materialLanguages, materialVisibilities } from '../tables.ts'

export const materialUrl = (spaceId: string, materialId: string) =>
  `/spaces/${spaceId}/materials/${materialId}`
export const fileUrl = (spaceId: string, materialId: string, fileId: string) =>
  `${materialUrl(spaceId, materialId)}/files/${fileId}`

/** What the file field accepts, for the browser's file chooser (the server checks the bytes anyway). */
export const acceptedFiles = Object.keys(fileKinds)
  .map((k) => `.${k}`)
  .join(',')

/** A material's current language versions, each a download link: "polski – wersja 2, PDF, 1,2 MB, 12 listopada 2026". */
export function CurrentFiles(p: { ctx: ViewContext; spaceId: string; material: MeetingMaterial }) {
  const { t, lang } = p.ctx
  const m = p.material
  return (
    <ul class="govuk-list">
      {m.files.map((f) => (
        <li>
          <a class="govuk-link" href={fileUrl(p.spaceId, m.id, f.id)}>
            {t(`materials.languages.${f.language}`)}
            <span class="govuk-visually-hidden" safe>
              {`: ${m.title}`}
            </span>
          </a>{' '}
          –{' '}
          {t('materials.fileLine', {
            version: f.version,
            kind: f.kind.toUpperCase(),
            size: fileSize(f.size_bytes, lang),
            date: formatDate(f.uploaded_at, lang),
          })}
        </li>
      ))}
    </ul>
  )
}

/** In the agenda table, under an item: the materials attached to it, each linking to its page. */
export function AgendaItemMaterials(p: {
  ctx: ViewContext
  spaceId: string
  itemId: string
  materials: MeetingMaterial[]
}) {
  const linked = p.materials.filter((m) => m.agenda_item_id === p.itemId)
  if (linked.length === 0) return ''
  return (
    <div class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
      {p.ctx.t('materials.inAgenda')}{' '}
      {linked.map((m, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a class="govuk-link" href={materialUrl(p.spaceId, m.id)} safe>
            {m.title}
          </a>
        </>
      ))}
    </div>
  )
}

/**
 * The meeting page's materials: each with its agenda item and current language versions, a zip of
 * them all, and for the secretariat the upload form (a plain multipart form, no JavaScript needed).
 */
export function MeetingMaterials(p: {
  ctx: ViewContext
  spaceId: string
  meeting: { id: string; agenda: { id: string; title: string }[] }
  materials: MeetingMaterial[]
  canUpload: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const base = `/spaces/${p.spaceId}/meetings/${p.meeting.id}`
  const itemLabel = new Map(p.meeting.agenda.map((a, i) => [a.id, `${i + 1}. ${a.title}`]))
  const f = formFields(p.ctx, p.values ?? { language: 'pl', visibility: 'members' }, p.errors)
  return (
    <>
      <h3 class="govuk-heading-m" id="materials">
        {t('materials.title')}
      </h3>
      {p.materials.length === 0 ? (
        <p class="govuk-body">{t('materials.none')}</p>
      ) : (
        <>
          <Table
            caption={t('materials.title')}
            headers={[
              t('materials.fields.material'),
              t('materials.fields.agendaItem'),
              t('materials.fields.files'),
            ]}
          >
            {p.materials.map((m) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={materialUrl(p.spaceId, m.id)} safe>
                    {m.title}
                  </a>
                  {m.visibility === 'public' ? (
                    <>
                      {' '}
                      <StatusTag label={t('materials.visibilities.public')} colour="green" />
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td class="govuk-table__cell" safe>
                  {(m.agenda_item_id && itemLabel.get(m.agenda_item_id)) || t('materials.wholeMeeting')}
                </td>
                <td class="govuk-table__cell">
                  <CurrentFiles ctx={p.ctx} spaceId={p.spaceId} material={m} />
                </td>
              </tr>
            ))}
          </Table>
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/materials.zip`}>
              {t('materials.zip')}
            </a>
          </p>
        </>
      )}
      {p.canUpload ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h3 class="govuk-heading-m" id="add-material">
              {t('materials.add')}
            </h3>
            <PostForm ctx={p.ctx} action={`${base}/materials`} upload>
              {f.text('materialTitle', {
                label: t('materials.fields.title'),
                hint: t('materials.fields.titleHint'),
              })}
              {f.select('agendaItemId', {
                label: t('materials.fields.agendaItem'),
                options: [
                  { value: '', label: t('materials.wholeMeeting') },
                  ...p.meeting.agenda.map((a) => ({ value: a.id, label: itemLabel.get(a.id) ?? a.title })),
                ],
              })}
              {f.select('language', {
                label: t('materials.fields.language'),
                options: materialLanguages.map((l) => ({ value: l, label: t(`materials.languages.${l}`) })),
              })}
              {f.radios('visibility', {
                label: t('materials.fields.visibility'),
                hint: t('materials.fields.visibilityHint'),
                options: materialVisibilities.map((v) => ({
                  value: v,
                  label: t(`materials.visibilities.${v}`),
                })),
              })}
              {f.file('file', {
                label: t('materials.fields.file'),
                hint: t('materials.fields.fileHint'),
                accept: acceptedFiles,
              })}
              <Button variant="secondary">{t('materials.add')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </>
  )
}
