import type { Children } from '@kitajs/html'
import { formatDate } from '../../../kernel/dates.ts'
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
import { type SpaceMay, SpacePage, SummaryMarkupRow, SummaryRow } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { Material } from '../service.ts'
import { materialLanguages, materialVisibilities } from '../tables.ts'
import { acceptedFiles, fileUrl, materialUrl } from './meeting-materials.tsx'

/**
 * One material: every file it ever had, by language and version (the current one marked), and for
 * the secretariat a new version (same or another language) and who may download it.
 */
export function MaterialPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  material: Material
  /** The meeting it belongs to, named, and its agenda item ("2. Plan pracy"), when it has them. */
  meeting?: { url: string; name: string; item: string | null }
  /** The address anyone may download the current files from, when the material and the space are public. */
  publicBase?: string
  form?: 'version' | 'visibility' | 'translation'
  /** The translations asked of it and the form to ask for one (the secretariat only). */
  children?: Children
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const m = p.material
  const base = materialUrl(p.space.id, m.id)
  const isCurrent = (f: Material['files'][number]) =>
    m.files.find((g) => g.language === f.language)?.version === f.version
  const versionFields = formFields(
    p.ctx,
    p.form === 'version' ? p.values : { language: m.files[0]?.language ?? 'pl' },
    p.form === 'version' ? p.errors : undefined,
  )
  const visibilityFields = formFields(
    p.ctx,
    p.form === 'visibility' ? p.values : { visibility: m.visibility },
    p.form === 'visibility' ? p.errors : undefined,
  )
  return (
    // A material with no meeting is the space's own: today, an accepted commissioned analysis.
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab={p.meeting ? 'meetings' : 'analyses'}
      title={m.title}
      errors={p.errors}
    >
      {p.meeting ? (
        <a class="govuk-back-link" href={`${p.meeting.url}#materials`}>
          {t('materials.back')}
        </a>
      ) : (
        <a class="govuk-back-link" href={`/spaces/${p.space.id}/analyses`}>
          {t('analyses.backToList')}
        </a>
      )}
      <dl class="govuk-summary-list">
        {p.meeting ? <SummaryRow label={t('materials.fields.meeting')} value={p.meeting.name} /> : ''}
        {p.meeting ? (
          <SummaryRow
            label={t('materials.fields.agendaItem')}
            value={p.meeting.item ?? t('materials.wholeMeeting')}
          />
        ) : (
          ''
        )}
        <SummaryRow
          label={t('materials.fields.visibility')}
          value={t(`materials.visibilities.${m.visibility}`)}
        />
        {p.publicBase ? (
          <SummaryMarkupRow label={t('materials.fields.publicLinks')}>
            <ul class="govuk-list">
              {m.files
                .filter((f) => isCurrent(f))
                .map((f) => (
                  <li>
                    <a class="govuk-link" href={`${p.publicBase}/files/${f.id}`}>
                      {t(`materials.languages.${f.language}`)}
                    </a>
                  </li>
                ))}
            </ul>
          </SummaryMarkupRow>
        ) : (
          ''
        )}
      </dl>
      <Table
        caption={t('materials.fields.files')}
        showCaption
        headers={[
          t('materials.fields.language'),
          { numeric: t('materials.fields.version') },
          t('materials.fields.type'),
          { numeric: t('materials.fields.size') },
          t('materials.fields.uploaded'),
          t('materials.fields.uploadedBy'),
        ]}
      >
        {m.files.map((f) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={fileUrl(p.space.id, m.id, f.id)}>
                {t('materials.downloadVersion', {
                  language: t(`materials.languages.${f.language}`),
                  version: f.version,
                })}
              </a>
              {isCurrent(f) ? (
                <>
                  {' '}
                  <strong class="govuk-tag govuk-tag--green">{t('materials.current')}</strong>
                </>
              ) : (
                ''
              )}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{f.version}</td>
            <td class="govuk-table__cell" safe>
              {f.kind.toUpperCase()}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric" safe>
              {fileSize(f.size_bytes, lang)}
            </td>
            <td class="govuk-table__cell" safe>
              {formatDate(f.uploaded_at, lang)}
            </td>
            <td class="govuk-table__cell" safe>
              {f.uploaded_by_name}
            </td>
          </tr>
        ))}
      </Table>
      <p class="govuk-body">{t('materials.fileCount', { count: m.files.length })}</p>
      {p.may['space.convene'] ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h3 class="govuk-heading-m" id="new-version">
              {t('materials.newVersion.title')}
            </h3>
            <p class="govuk-body">{t('materials.newVersion.text')}</p>
            <PostForm ctx={p.ctx} action={`${base}/versions`} upload>
              {versionFields.select('language', {
                label: t('materials.fields.language'),
                options: materialLanguages.map((l) => ({ value: l, label: t(`materials.languages.${l}`) })),
              })}
              {versionFields.file('file', {
                label: t('materials.fields.file'),
                hint: t('materials.fields.fileHint'),
                accept: acceptedFiles,
              })}
              <Button variant="secondary">{t('materials.newVersion.submit')}</Button>
            </PostForm>
            <h3 class="govuk-heading-m">{t('materials.changeVisibility')}</h3>
            <PostForm ctx={p.ctx} action={`${base}/visibility`}>
              {visibilityFields.radios('visibility', {
                label: t('materials.fields.visibility'),
                hint: t('materials.fields.visibilityHint'),
                options: materialVisibilities.map((v) => ({
                  value: v,
                  label: t(`materials.visibilities.${v}`),
                })),
              })}
              <Button variant="secondary">{t('materials.changeVisibility')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
      {p.children}
    </SpacePage>
  )
}
