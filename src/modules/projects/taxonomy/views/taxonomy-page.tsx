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
import { fundingPeriods } from '../../tables.ts'
import { AddForm, RemoveButton } from '../../views/project-parts-page.tsx'
import type { FoundNode, TaxonomyNode, ThemeRow } from '../service.ts'

export type TaxonomyForm = 'node' | 'theme' | 'remove'

const nameOf = (lang: 'pl' | 'en', n: { name_pl: string; name_en: string }) =>
  lang === 'en' ? n.name_en : n.name_pl

/** A node's row, its children indented after it: code, name, projects, change and remove. */
function NodeRows(p: { ctx: ViewContext; node: TaxonomyNode; depth: number }): JSX.Element {
  const { t, lang } = p.ctx
  const n = p.node
  const removable = n.projects === 0 && n.children.length === 0
  return (
    <>
      <tr class="govuk-table__row">
        <td class={`govuk-table__cell siatka-indent-${Math.min(p.depth, 2)}`} safe>
          {n.code}
        </td>
        <td class={`govuk-table__cell siatka-indent-${Math.min(p.depth, 2)}`}>
          <span class="govuk-visually-hidden">
            {t(`projects.taxonomy.levels.${n.level}`)}
            {': '}
          </span>
          <span safe>{nameOf(lang, n)}</span>
        </td>
        <td class="govuk-table__cell govuk-table__cell--numeric" safe>
          {String(n.projects)}
        </td>
        <td class="govuk-table__cell">
          <ul class="govuk-list siatka-actions govuk-!-margin-bottom-0">
            <li>
              <a class="govuk-link" href={`/projects/taxonomy/${n.id}`}>
                {t('projects.taxonomy.change')}
                <span class="govuk-visually-hidden" safe>{` ${n.code} ${nameOf(lang, n)}`}</span>
              </a>
            </li>
            {removable ? (
              <li>
                <RemoveButton
                  ctx={p.ctx}
                  action="/projects/taxonomy/remove"
                  rowId={n.id}
                  name={`${n.code} ${nameOf(lang, n)}`}
                />
              </li>
            ) : (
              ''
            )}
          </ul>
        </td>
      </tr>
      {n.children.map((c) => (
        <NodeRows ctx={p.ctx} node={c} depth={p.depth + 1} />
      ))}
    </>
  )
}

/**
 * The secretariat's taxonomy: each programme with its priorities and measures and how many projects
 * use each, a form to add one, and the themes with theirs.
 */
export function TaxonomyPage(p: {
  ctx: ViewContext
  tree: TaxonomyNode[]
  themes: ThemeRow[]
  refused?: { form: TaxonomyForm; values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const fields = (form: 'node' | 'theme') =>
    p.refused?.form === form
      ? formFields(p.ctx, p.refused.values, p.refused.errors, form)
      : formFields(p.ctx, {}, {}, form)
  const node = fields('node')
  const theme = fields('theme')
  const parents = p.tree.flatMap((programme) => [
    { value: programme.id, label: `${programme.code} – ${nameOf(lang, programme)}` },
    ...programme.children
      .filter((c) => c.level === 'priority' && c.projects === 0)
      .map((c) => ({ value: c.id, label: `${programme.code} ${c.code} – ${nameOf(lang, c)}` })),
  ])
  const headers = [
    t('projects.taxonomy.code'),
    t('projects.taxonomy.name'),
    { numeric: t('projects.taxonomy.projects') },
    { hidden: t('projects.taxonomy.actions') },
  ]
  return (
    <Layout ctx={p.ctx} title={t('projects.taxonomy.title')} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form={p.refused?.form} />
      <h1 class="govuk-heading-l">{t('projects.taxonomy.title')}</h1>
      <p class="govuk-body">{t('projects.taxonomy.intro')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="#themes">
          {t('projects.taxonomy.themes')}
        </a>
      </p>
      {p.tree.map((programme) => (
        <>
          <h2 class="govuk-heading-m">
            <span safe>{`${programme.code} – ${nameOf(lang, programme)}`}</span>
            <span class="govuk-caption-m">
              {t('projects.taxonomy.periodOf', { period: programme.period })}
            </span>
          </h2>
          <Table caption={`${programme.code} – ${nameOf(lang, programme)}`} headers={headers}>
            <NodeRows ctx={p.ctx} node={programme} depth={0} />
          </Table>
        </>
      ))}
      <AddForm ctx={p.ctx} action="/projects/taxonomy" heading="addNode">
        {node.select('parentId', {
          label: t('projects.taxonomy.parent'),
          hint: t('projects.taxonomy.parentHint'),
          options: [{ value: '', label: t('projects.taxonomy.newProgramme') }, ...parents],
        })}
        {node.text('code', { label: t('projects.taxonomy.code'), width: 'govuk-input--width-10' })}
        {node.text('namePl', { label: t('projects.taxonomy.namePl') })}
        {node.text('nameEn', { label: t('projects.taxonomy.nameEn') })}
        {node.select('period', {
          label: t('projects.taxonomy.period'),
          hint: t('projects.taxonomy.periodHint'),
          options: [
            { value: '', label: t('projects.form.choose') },
            ...fundingPeriods.map((v) => ({ value: v, label: v })),
          ],
        })}
      </AddForm>

      <h2 class="govuk-heading-l" id="themes">
        {t('projects.taxonomy.themes')}
      </h2>
      <Table
        caption={t('projects.taxonomy.themes')}
        headers={[
          t('projects.taxonomy.code'),
          t('projects.taxonomy.name'),
          { numeric: t('projects.taxonomy.projects') },
          { hidden: t('projects.taxonomy.actions') },
        ]}
      >
        {p.themes.map((th) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell siatka-break" safe>
              {th.code}
            </td>
            <td class="govuk-table__cell" safe>
              {nameOf(lang, th)}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric" safe>
              {String(th.projects)}
            </td>
            <td class="govuk-table__cell">
              <ul class="govuk-list siatka-actions govuk-!-margin-bottom-0">
                <li>
                  <a class="govuk-link" href={`/projects/themes/${th.id}`}>
                    {t('projects.taxonomy.change')}
                    <span class="govuk-visually-hidden" safe>{` ${nameOf(lang, th)}`}</span>
                  </a>
                </li>
                {th.projects === 0 ? (
                  <li>
                    <RemoveButton
                      ctx={p.ctx}
                      action="/projects/themes/remove"
                      rowId={th.id}
                      name={nameOf(lang, th)}
                    />
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
      <AddForm ctx={p.ctx} action="/projects/themes" heading="addTheme">
        {theme.text('code', {
          label: t('projects.taxonomy.themeCode'),
          hint: t('projects.taxonomy.themeCodeHint'),
          width: 'govuk-input--width-20',
          spellcheck: false,
        })}
        {theme.text('namePl', { label: t('projects.taxonomy.namePl') })}
        {theme.text('nameEn', { label: t('projects.taxonomy.nameEn') })}
      </AddForm>
    </Layout>
  )
}

/** Changing one programme, priority or measure, or one theme: its code and names (a programme's period too). */
export function TaxonomyEditPage(p: {
  ctx: ViewContext
  kind: 'node' | 'theme'
  item: Pick<FoundNode, 'id' | 'code' | 'name_pl' | 'name_en'> & {
    level?: FoundNode['level']
    period?: string
  }
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const it = p.item
  const f = formFields(
    p.ctx,
    p.values ?? { code: it.code, namePl: it.name_pl, nameEn: it.name_en, period: it.period ?? '' },
    p.errors,
  )
  const title = t(p.kind === 'theme' ? 'projects.taxonomy.editTheme' : 'projects.taxonomy.editNode', {
    name: `${it.code} ${it.name_pl}`,
  })
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <a
        class="govuk-back-link"
        href={p.kind === 'theme' ? '/projects/taxonomy#themes' : '/projects/taxonomy'}
      >
        {t('projects.taxonomy.back')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          <PostForm ctx={p.ctx} action={`/projects/${p.kind === 'theme' ? 'themes' : 'taxonomy'}/${it.id}`}>
            {p.kind === 'theme'
              ? f.text('code', {
                  label: t('projects.taxonomy.themeCode'),
                  hint: t('projects.taxonomy.themeCodeHint'),
                  width: 'govuk-input--width-20',
                  spellcheck: false,
                })
              : f.text('code', { label: t('projects.taxonomy.code'), width: 'govuk-input--width-10' })}
            {f.text('namePl', { label: t('projects.taxonomy.namePl') })}
            {f.text('nameEn', { label: t('projects.taxonomy.nameEn') })}
            {it.level === 'programme'
              ? f.select('period', {
                  label: t('projects.taxonomy.period'),
                  hint: t('projects.taxonomy.periodChangeHint'),
                  options: fundingPeriods.map((v) => ({ value: v, label: v })),
                })
              : ''}
            <Button>{t('forms.save')}</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  )
}
