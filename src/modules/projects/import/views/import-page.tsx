import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Button, type FieldErrors, formFields, PostForm } from '../../../../kernel/views/fields.tsx'
import { FormPage } from '../../../../kernel/views/form-page.tsx'
import { sheetColumns } from '../../spreadsheet.ts'

/** Choosing a spreadsheet to import, with the columns it may have. */
export function ImportPage(p: { ctx: ViewContext; errors?: FieldErrors }) {
  const { t } = p.ctx
  const f = formFields(p.ctx, {}, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('projects.import.title')}
      errors={p.errors}
      section="projects"
      back={{ href: '/projects', label: t('projects.back') }}
    >
      <p class="govuk-body">{t('projects.import.intro')}</p>
      <p class="govuk-body">{t('projects.import.columnsIntro')}</p>
      <ul class="govuk-list govuk-list--bullet">
        {sheetColumns
          .filter((c) => c !== 'coFinancing' && c !== 'period')
          .map((c) => (
            <li>{t(`projects.sheet.${c}`)}</li>
          ))}
      </ul>
      <p class="govuk-body">{t('projects.import.formats')}</p>
      <PostForm ctx={p.ctx} action="/projects/import" upload>
        {f.file('file', {
          label: t('projects.import.file'),
          hint: t('projects.import.fileHint'),
          accept: '.csv,.xlsx',
        })}
        <Button>{t('projects.import.read')}</Button>
      </PostForm>
    </FormPage>
  )
}
