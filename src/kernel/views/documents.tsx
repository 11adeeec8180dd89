import type { DocumentRow } from '../documents.ts'
import type { ViewContext } from './context.ts'
import { Button, type FieldErrors, type FormValues, formFields, PostForm } from './fields.tsx'
import { fileSize } from './file-size.ts'
import { FormPage } from './form-page.tsx'

/** Documents to download, each by its title with its kind and size. */
export function DocumentList(p: { ctx: ViewContext; documents: DocumentRow[]; base: string }) {
  if (!p.documents.length) return ''
  return (
    <ul class="govuk-list">
      {p.documents.map((d) => (
        <li>
          <a class="govuk-link" href={`${p.base}/${d.id}`} safe>
            {d.title}
          </a>{' '}
          <span class="govuk-body-s" safe>
            {`(${d.kind.toUpperCase()}, ${fileSize(d.size_bytes, p.ctx.lang)})`}
          </span>
        </li>
      ))}
    </ul>
  )
}

/**
 * The page where those who run something keep its documents: those kept (downloaded from `base`/id),
 * one removed by a choice and a button, and the form adding one.
 */
export function DocumentsPage(p: {
  ctx: ViewContext
  title: string
  intro: string
  section: string
  back: { href: string; label: string }
  /** Where the documents are downloaded, added (POST) and removed (POST /remove). */
  base: string
  documents: DocumentRow[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage ctx={p.ctx} title={p.title} errors={p.errors} section={p.section} back={p.back}>
      <p class="govuk-body" safe>
        {p.intro}
      </p>
      {p.documents.length === 0 ? <p class="govuk-body">{t('documents.none')}</p> : ''}
      <DocumentList ctx={p.ctx} documents={p.documents} base={p.base} />
      {p.documents.length ? (
        <PostForm ctx={p.ctx} action={`${p.base}/remove`}>
          {f.radios('documentId', {
            label: t('documents.which'),
            options: p.documents.map((d) => ({ value: d.id, label: d.title })),
          })}
          <Button variant="warning">{t('documents.remove')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('documents.add')}</h2>
      <PostForm ctx={p.ctx} action={p.base} upload>
        {f.text('title', { label: t('documents.docTitle'), maxlength: 200 })}
        {f.file('file', { label: t('documents.file'), hint: t('documents.fileHint') })}
        <Button>{t('documents.add')}</Button>
      </PostForm>
    </FormPage>
  )
}
