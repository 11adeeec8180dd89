import type { Children } from '@kitajs/html'
import type { ViewContext } from './context.ts'
import { ErrorSummary, type FieldErrors } from './fields.tsx'
import { Layout } from './layout.tsx'

/** A page whose point is one form: narrow column, error summary first, optional back link, heading. */
export function FormPage(p: {
  ctx: ViewContext
  title: string
  errors?: FieldErrors
  section?: string
  back?: { href: string; label: string }
  children: Children
}) {
  return (
    <Layout ctx={p.ctx} title={p.title} errors={p.errors} section={p.section}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={p.ctx} errors={p.errors} />
          {p.back ? (
            <a class="govuk-back-link" href={p.back.href} safe>
              {p.back.label}
            </a>
          ) : (
            ''
          )}
          <h1 class="govuk-heading-l" safe>
            {p.title}
          </h1>
          {p.children}
        </div>
      </div>
    </Layout>
  )
}
