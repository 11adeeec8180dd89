import { safeDay } from '../../../../kernel/dates.ts'
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
import { RemoveButton } from '../../views/project-parts-page.tsx'
import { KeysetLinks } from '../../views/projects-page.tsx'
import type { Group, groupsPage } from '../service.ts'

type GroupRow = Awaited<ReturnType<typeof groupsPage>>[number]

/** A form refused: what was typed and the problems beside the fields. */
export interface GroupRefused {
  form: 'group' | 'project' | 'remove'
  values: FormValues
  errors: FieldErrors
}

/** What the group form offers to choose. */
export interface GroupChoices {
  themes: { id: string; name_pl: string; name_en: string }[]
  coordinators: { id: string; name: string; email: string }[]
}

const groupName = (g: { name_pl: string; name_en: string }, lang: string) =>
  lang === 'en' && g.name_en ? g.name_en : g.name_pl

/** The group's names, theme, coordinator and description: to create a group or to change one. */
function GroupFields(p: {
  ctx: ViewContext
  choices: GroupChoices
  values: FormValues
  errors: FieldErrors
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors, 'group')
  return (
    <>
      {f.text('namePl', { label: t('projects.groups.namePl') })}
      {f.text('nameEn', { label: t('projects.groups.nameEn'), hint: t('projects.groups.nameEnHint') })}
      {f.select('themeId', {
        label: t('projects.groups.themeLabel'),
        options: [
          { value: '', label: t('projects.form.choose') },
          ...p.choices.themes.map((th) => ({ value: th.id, label: lang === 'en' ? th.name_en : th.name_pl })),
        ],
      })}
      {f.select('coordinatorId', {
        label: t('projects.groups.coordinatorLabel'),
        hint: t('projects.groups.coordinatorHint'),
        options: [
          { value: '', label: t('projects.form.choose') },
          ...p.choices.coordinators.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
        ],
      })}
      {f.textarea('description', { label: t('projects.groups.description'), rows: 4 })}
    </>
  )
}

/** The partnership groups the person reads, by name, and for the secretariat a form to create one. */
export function GroupsPage(p: {
  ctx: ViewContext
  rows: GroupRow[]
  next: string | null
  continued: boolean
  /** Whoever reads every project sees every group; project staff only their own. */
  own: boolean
  /** The create form's choices, when the person manages groups. */
  choices: GroupChoices | null
  refused?: GroupRefused
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('projects.groups.title')} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form="group" />
      <h1 class="govuk-heading-l">{t('projects.groups.title')}</h1>
      <p class="govuk-body">{t('projects.groups.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{p.own ? t('projects.groups.noneOwn') : t('projects.groups.none')}</p>
      ) : (
        <Table
          caption={t('projects.groups.caption')}
          headers={[
            t('projects.groups.name'),
            t('projects.groups.theme'),
            t('projects.groups.coordinator'),
            { numeric: t('projects.groups.projects') },
          ]}
        >
          {p.rows.map((g) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/projects/groups/${g.id}`} safe>
                  {groupName(g, lang)}
                </a>
              </td>
              <td class="govuk-table__cell" safe>
                {lang === 'en' ? g.theme_en : g.theme_pl}
              </td>
              <td class="govuk-table__cell" safe>
                {g.coordinator_name}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {String(Number(g.projects))}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetLinks
        ctx={p.ctx}
        first="/projects/groups"
        next={p.next ? `/projects/groups?after=${p.next}` : null}
        continued={p.continued}
        label={t('projects.groups.caption')}
        of="groups"
      />
      {p.choices ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.groups.add')}</h2>
          <PostForm ctx={p.ctx} action="/projects/groups">
            <GroupFields
              ctx={p.ctx}
              choices={p.choices}
              values={p.refused?.values ?? {}}
              errors={p.refused?.errors ?? {}}
            />
            <Button>{t('projects.groups.add')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}

/**
 * One group: what it is for, its coordinator, a link to its space, its projects (each linked where
 * the reader may open it), and for the secretariat forms to add and take out projects and to change
 * the group.
 */
export function GroupPage(p: {
  ctx: ViewContext
  group: Group
  /** Whether the reader opens every project inside (else only those they staff, or public pages). */
  readsEvery: boolean
  /** The secretariat's forms' choices, when the person manages groups. */
  manage: { choices: GroupChoices; candidates: { id: string; title: string; acronym: string }[] } | null
  refused?: GroupRefused
}) {
  const { t, lang } = p.ctx
  const g = p.group
  const name = groupName(g, lang)
  const base = `/projects/groups/${g.id}`
  const refusedOf = (form: GroupRefused['form']) =>
    p.refused?.form === form ? p.refused : { values: {}, errors: {} }
  const projectField = formFields(p.ctx, refusedOf('project').values, refusedOf('project').errors, 'project')
  const href = (pr: Group['projects'][number]) =>
    p.readsEvery || pr.is_staff ? `/projects/${pr.id}` : pr.is_public ? `/funded-projects/${pr.id}` : null
  const groupValues: FormValues = {
    namePl: g.name_pl,
    nameEn: g.name_en,
    themeId: g.theme_id,
    coordinatorId: g.coordinator_id,
    description: g.description,
  }
  return (
    <Layout ctx={p.ctx} title={name} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form={p.refused?.form} />
      <a class="govuk-back-link" href="/projects/groups">
        {t('projects.groups.back')}
      </a>
      <span class="govuk-caption-l">{t('projects.groups.title')}</span>
      <h1 class="govuk-heading-l" safe>
        {name}
      </h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.groups.theme')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {lang === 'en' ? g.theme_en : g.theme_pl}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.groups.coordinator')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {g.coordinator_name}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.groups.space')}</dt>
          <dd class="govuk-summary-list__value">
            <a class="govuk-link" href={`/spaces/${g.space_id}`}>
              {t('projects.groups.openSpace', { name })}
            </a>
          </dd>
        </div>
      </dl>
      {g.description ? (
        <p class="govuk-body siatka-pre-line" safe>
          {g.description}
        </p>
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m" id="projects">
        {t('projects.groups.projects')}
      </h2>
      {g.projects.length === 0 ? (
        <p class="govuk-body">{t('projects.groups.projectsNone')}</p>
      ) : (
        <Table
          caption={t('projects.groups.projects')}
          headers={[
            t('projects.groups.projectColumns.title'),
            t('projects.groups.projectColumns.lead'),
            t('projects.groups.projectColumns.period'),
            t('projects.groups.projectColumns.status'),
            ...(p.manage ? [{ hidden: t('projects.groups.remove') }] : []),
          ]}
        >
          {g.projects.map((pr) => {
            const to = href(pr)
            const title = pr.acronym ? `${pr.title} (${pr.acronym})` : pr.title
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  {to ? (
                    <a class="govuk-link" href={to} safe>
                      {title}
                    </a>
                  ) : (
                    <span safe>{title}</span>
                  )}
                </td>
                <td class="govuk-table__cell" safe>
                  {pr.lead_name}
                </td>
                <td class="govuk-table__cell">
                  {t('projects.periodValue', {
                    from: safeDay(pr.starts_on, lang),
                    to: safeDay(pr.ends_on, lang),
                  })}
                </td>
                <td class="govuk-table__cell">{t(`projects.statuses.${pr.status}`)}</td>
                {p.manage ? (
                  <td class="govuk-table__cell">
                    <RemoveButton
                      ctx={p.ctx}
                      action={`${base}/projects/remove`}
                      rowId={pr.id}
                      name={title}
                      label={t('projects.groups.remove')}
                    />
                  </td>
                ) : (
                  ''
                )}
              </tr>
            )
          })}
        </Table>
      )}

      {p.manage ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.groups.addProject')}</h2>
          {p.manage.candidates.length === 0 ? (
            <p class="govuk-body">{t('projects.groups.noCandidates')}</p>
          ) : (
            <PostForm ctx={p.ctx} action={`${base}/projects`}>
              {projectField.select('projectId', {
                label: t('projects.groups.project'),
                hint: t('projects.groups.projectHint'),
                options: [
                  { value: '', label: t('projects.form.choose') },
                  ...p.manage.candidates.map((c) => ({
                    value: c.id,
                    label: c.acronym ? `${c.title} (${c.acronym})` : c.title,
                  })),
                ],
              })}
              <Button variant="secondary">{t('projects.groups.addProject')}</Button>
            </PostForm>
          )}
          <h2 class="govuk-heading-m">{t('projects.groups.edit')}</h2>
          <PostForm ctx={p.ctx} action={base}>
            <GroupFields
              ctx={p.ctx}
              choices={p.manage.choices}
              values={p.refused?.form === 'group' ? p.refused.values : groupValues}
              errors={refusedOf('group').errors}
            />
            <Button>{t('projects.groups.save')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
