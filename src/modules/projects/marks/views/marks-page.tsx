import { formatDate } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { markPath } from '../../views/logo-strip.tsx'
import { RemoveButton } from '../../views/project-parts-page.tsx'
import type { markFiles, markSlots } from '../service.ts'
import { markRules } from '../service.ts'

export interface MarksRefused {
  form: 'mark' | 'remove'
  values: FormValues
  errors: FieldErrors
}

type Periods = Awaited<ReturnType<typeof markSlots>>
type Slot = Periods[number]['slots'][number]

/** A slot's name as the page lists it: "FERS: Fundusze Europejskie", "2021–2027: Unia Europejska". */
function slotName(ctx: ViewContext, period: string, s: Slot) {
  const { t } = ctx
  return s.kind === 'programme'
    ? t('projects.marks.programme', { code: s.name })
    : t(s.kind === 'poland' ? 'projects.marks.poland' : 'projects.marks.eu', { period })
}

/**
 * The funds' marks by funding period: for each, whether its official file has been given (with the
 * file drawn small) or the placeholder is shown, and one form to give a file to a mark.
 */
export function MarksPage(p: {
  ctx: ViewContext
  periods: Periods
  files: Awaited<ReturnType<typeof markFiles>>
  refused?: MarksRefused
}) {
  const { t, lang } = p.ctx
  const f = formFields(
    p.ctx,
    p.refused?.form === 'mark' ? p.refused.values : {},
    p.refused?.form === 'mark' ? p.refused.errors : {},
  )
  return (
    <Layout ctx={p.ctx} title={t('projects.marks.title')} section="projects" errors={p.refused?.errors}>
      <ErrorSummary
        ctx={p.ctx}
        errors={p.refused?.errors}
        form={p.refused?.form === 'remove' ? 'remove' : undefined}
      />
      <h1 class="govuk-heading-l">{t('projects.marks.title')}</h1>
      <p class="govuk-body">{t('projects.marks.intro')}</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>{t('projects.marks.ruleOrder')}</li>
        <li>{t('projects.marks.ruleHeight')}</li>
        <li>
          {t('projects.marks.ruleFile', { minHeight: markRules.minHeight, maxSide: markRules.maxSide })}
        </li>
      </ul>
      {p.periods.map((period) => (
        <>
          <h2 class="govuk-heading-m">{t('projects.marks.period', { period: period.period })}</h2>
          <Table
            caption={t('projects.marks.period', { period: period.period })}
            headers={[
              t('projects.marks.mark'),
              t('projects.marks.file'),
              { hidden: t('projects.marks.remove') },
            ]}
          >
            {period.slots.map((s) => {
              const file = p.files.get(s.slot)
              const name = slotName(p.ctx, period.period, s)
              return (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{name}</td>
                  <td class="govuk-table__cell">
                    {file ? (
                      <>
                        <img
                          src={markPath(file.file_hash)}
                          alt={name}
                          height="40"
                          width={String(Math.round((40 * file.width) / file.height))}
                          class="siatka-mark-preview"
                        />
                        <span class="govuk-body-s">
                          {t('projects.marks.given', {
                            width: file.width,
                            height: file.height,
                            date: formatDate(file.uploaded_at, lang),
                          })}
                        </span>
                      </>
                    ) : (
                      t('projects.marks.placeholder')
                    )}
                  </td>
                  <td class="govuk-table__cell">
                    {file ? (
                      <RemoveButton
                        ctx={p.ctx}
                        action="/projects/marks/remove"
                        rowId={file.id}
                        name={name}
                        label={t('projects.marks.remove')}
                      />
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              )
            })}
          </Table>
        </>
      ))}
      <h2 class="govuk-heading-m">{t('projects.marks.give')}</h2>
      <PostForm ctx={p.ctx} action="/projects/marks" upload>
        {f.select('slot', {
          label: t('projects.marks.mark'),
          options: [
            { value: '', label: t('projects.form.choose') },
            ...p.periods.flatMap((period) =>
              period.slots.map((s) => ({
                value: s.slot,
                label: `${period.period} – ${slotName(p.ctx, period.period, s)}`,
              })),
            ),
          ],
        })}
        {f.file('file', { label: t('projects.marks.fileLabel'), hint: t('projects.marks.fileHint') })}
        <Button>{t('projects.marks.give')}</Button>
      </PostForm>
    </Layout>
  )
}
