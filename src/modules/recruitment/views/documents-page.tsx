import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { RecruitmentDocument } from '../documents.ts'
import type { Recruitment } from '../service.ts'
import { DocumentList } from './parts.tsx'

/** The staff's page of a recruitment's documents: those kept, each removed by a button, and adding one. */
export function DocumentsPage(p: {
  ctx: ViewContext
  r: Recruitment
  documents: RecruitmentDocument[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.documents.title', { title: p.r.title, ...unescaped })}
      errors={p.errors}
      section="recruitments-manage"
      back={{ href: `/recruitments/${p.r.id}`, label: p.r.title }}
    >
      <p class="govuk-body">{t('recruitment.documents.intro')}</p>
      {p.documents.length === 0 ? <p class="govuk-body">{t('recruitment.documents.none')}</p> : ''}
      <DocumentList ctx={p.ctx} r={p.r} documents={p.documents} />
      {p.documents.length ? (
        <PostForm ctx={p.ctx} action={`/recruitments/${p.r.id}/documents/remove`}>
          {f.radios('documentId', {
            label: t('recruitment.documents.which'),
            options: p.documents.map((d) => ({ value: d.id, label: d.title })),
          })}
          <Button variant="warning">{t('recruitment.documents.remove')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('recruitment.documents.add')}</h2>
      <PostForm ctx={p.ctx} action={`/recruitments/${p.r.id}/documents`} upload>
        {f.text('title', { label: t('recruitment.documents.docTitle'), maxlength: 200 })}
        {f.file('file', {
          label: t('recruitment.documents.file'),
          hint: t('recruitment.documents.fileHint'),
        })}
        <Button>{t('recruitment.documents.add')}</Button>
      </PostForm>
    </FormPage>
  )
}
