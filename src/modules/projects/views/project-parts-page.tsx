import type { Children } from '@kitajs/html'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { ProjectRow } from '../queries.ts'
import { unitFor } from '../rules.ts'
import { indicatorKinds, partnerRoles } from '../tables.ts'
import { projectTitle } from './project-name.ts'

/** The page's forms: each names its fields apart (`field-<form>-<name>`), so one page holds them all. */
export const partForms = ['partner', 'group', 'indicator', 'contact', 'steering', 'staff', 'remove'] as const
export type PartForm = (typeof partForms)[number]

/** A refused form on the page: which, what was typed, and the problems beside the fields. */
export interface Refused {
  form: PartForm
  values: FormValues
  errors: FieldErrors
}

/**
 * A project's lists on one page: partners and cooperating institutions, target groups, indicators,
 * the people to contact and, for the secretariat, its staff; each with its rows (and a button to remove one) and a form to
 * add one.
 */
export function ProjectPartsPage(p: {
  ctx: ViewContext
  project: ProjectRow
  organisations: { id: string; name: string }[]
  /** The staff and who may join, when the person may hand the project to its staff. */
  staff: { id: string; name: string; email: string; on_staff: boolean }[] | null
  /** The steering committees to choose from, when the person names the project's (the secretariat). */
  steering: { id: string; name_pl: string; name_en: string }[] | null
  refused?: Refused
}) {
  const { t } = p.ctx
  const pr = p.project
  const base = `/projects/${pr.id}`
  const fields = (form: PartForm) =>
    p.refused?.form === form
      ? formFields(p.ctx, p.refused.values, p.refused.errors, form)
      : formFields(p.ctx, {}, {}, form)
  const partner = fields('partner')
  const group = fields('group')
  const indicator = fields('indicator')
  const contact = fields('contact')
  const staff = fields('staff')
  const steering =
    p.refused?.form === 'steering'
      ? fields('steering')
      : formFields(p.ctx, { spaceId: pr.steering_space_id ?? '' }, {}, 'steering')
  const title = t('projects.parts.title', { project: projectTitle(pr), ...unescaped })
  // The heading is the catalogue's text with the names escaped; the page's title is escaped where printed.
  const heading = t('projects.parts.title', { project: projectTitle(pr) })
  const onStaff = p.staff?.filter((s) => s.on_staff) ?? []
  const candidates = p.staff?.filter((s) => !s.on_staff) ?? []
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form={p.refused?.form} />
      <a class="govuk-back-link" href={base}>
        {t('projects.form.backToProject')}
      </a>
      <h1 class="govuk-heading-l">{heading}</h1>

      <h2 class="govuk-heading-m" id="partners">
        {t('projects.partners')}
      </h2>
      {pr.partners.length === 0 ? (
        <p class="govuk-body">{t('projects.partnersNone')}</p>
      ) : (
        <Table
          caption={t('projects.partners')}
          headers={[
            t('projects.partnerColumns.name'),
            t('projects.partnerColumns.role'),
            { hidden: t('projects.parts.remove') },
          ]}
        >
          {pr.partners.map((o) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {o.name}
              </td>
              <td class="govuk-table__cell">{t(`projects.partnerRoles.${o.role}`)}</td>
              <td class="govuk-table__cell">
                <RemoveButton
                  ctx={p.ctx}
                  action={`${base}/partners/remove`}
                  rowId={o.organisation_id}
                  name={o.name}
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddForm ctx={p.ctx} action={`${base}/partners`} heading="addPartner">
        {partner.select('organisationId', {
          label: t('projects.parts.organisation'),
          hint: t('projects.form.organisationHint'),
          options: [
            { value: '', label: t('projects.form.choose') },
            ...p.organisations.map((o) => ({ value: o.id, label: o.name })),
          ],
        })}
        {partner.radios('role', {
          label: t('projects.parts.role'),
          options: partnerRoles.map((r) => ({ value: r, label: t(`projects.partnerRoles.${r}`) })),
        })}
      </AddForm>

      <h2 class="govuk-heading-m" id="groups">
        {t('projects.targetGroups')}
      </h2>
      {pr.target_groups.length === 0 ? (
        <p class="govuk-body">{t('projects.targetGroupsNone')}</p>
      ) : (
        <Table
          caption={t('projects.targetGroups')}
          headers={[
            t('projects.groupColumns.name'),
            { numeric: t('projects.groupColumns.planned') },
            { hidden: t('projects.parts.remove') },
          ]}
        >
          {pr.target_groups.map((g) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {g.name}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {g.planned_people === null ? '—' : String(g.planned_people)}
              </td>
              <td class="govuk-table__cell">
                <RemoveButton ctx={p.ctx} action={`${base}/groups/remove`} rowId={g.id} name={g.name} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddForm ctx={p.ctx} action={`${base}/groups`} heading="addGroup">
        {group.text('name', { label: t('projects.parts.groupName') })}
        {group.textarea('description', { label: t('projects.parts.groupDescription'), rows: 3 })}
        {group.text('plannedPeople', {
          label: t('projects.parts.plannedPeople'),
          width: 'govuk-input--width-10',
        })}
      </AddForm>

      <h2 class="govuk-heading-m" id="indicators">
        {t('projects.indicators')}
      </h2>
      {pr.indicators.length === 0 ? (
        <p class="govuk-body">{t('projects.indicatorsNone')}</p>
      ) : (
        <Table
          caption={t('projects.indicators')}
          headers={[
            t('projects.indicatorColumns.name'),
            t('projects.indicatorColumns.kind'),
            t('projects.indicatorColumns.target'),
            { hidden: t('projects.parts.remove') },
          ]}
        >
          {pr.indicators.map((i) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {i.name}
              </td>
              <td class="govuk-table__cell">{t(`projects.indicatorKinds.${i.kind}`)}</td>
              <td class="govuk-table__cell">
                {t('projects.fromBaseline', {
                  target: i.target,
                  unit: unitFor(i.target, i),
                  baseline: i.baseline,
                })}
              </td>
              <td class="govuk-table__cell">
                {i.latest_on === null ? (
                  <RemoveButton ctx={p.ctx} action={`${base}/indicators/remove`} rowId={i.id} name={i.name} />
                ) : (
                  t('projects.parts.reportedStays')
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddForm ctx={p.ctx} action={`${base}/indicators`} heading="addIndicator">
        {indicator.text('name', { label: t('projects.parts.indicatorName') })}
        {indicator.radios('kind', {
          label: t('projects.parts.kind'),
          inline: true,
          options: indicatorKinds.map((k) => ({ value: k, label: t(`projects.indicatorKinds.${k}`) })),
        })}
        {indicator.text('unit', {
          label: t('projects.parts.unit'),
          hint: t('projects.parts.unitHint'),
          width: 'govuk-input--width-20',
        })}
        {indicator.text('unitOne', {
          label: t('projects.parts.unitOne'),
          hint: t('projects.parts.unitOneHint'),
          width: 'govuk-input--width-20',
        })}
        {indicator.text('unitFew', {
          label: t('projects.parts.unitFew'),
          hint: t('projects.parts.unitFewHint'),
          width: 'govuk-input--width-20',
        })}
        {indicator.text('baseline', { label: t('projects.parts.baseline'), width: 'govuk-input--width-10' })}
        {indicator.text('target', { label: t('projects.parts.target'), width: 'govuk-input--width-10' })}
      </AddForm>

      <h2 class="govuk-heading-m" id="contacts">
        {t('projects.contacts')}
      </h2>
      <p class="govuk-body">{t('projects.parts.contactsHint')}</p>
      {pr.contacts.length === 0 ? (
        <p class="govuk-body">{t('projects.contactsNone')}</p>
      ) : (
        <Table
          caption={t('projects.contacts')}
          headers={[
            t('projects.contactColumns.name'),
            t('projects.contactColumns.way'),
            { hidden: t('projects.parts.remove') },
          ]}
        >
          {pr.contacts.map((c) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <span safe>{c.name}</span>
                {c.function ? (
                  <>
                    <br />
                    <span class="govuk-hint govuk-!-display-inline" safe>
                      {c.function}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell siatka-break" safe>
                {[c.email, c.phone].filter(Boolean).join(', ')}
              </td>
              <td class="govuk-table__cell">
                <RemoveButton ctx={p.ctx} action={`${base}/contacts/remove`} rowId={c.id} name={c.name} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <AddForm ctx={p.ctx} action={`${base}/contacts`} heading="addContact">
        {contact.text('name', { label: t('projects.parts.contactName'), autocomplete: 'off' })}
        {contact.text('function', { label: t('projects.parts.contactFunction') })}
        {contact.text('email', {
          label: t('projects.parts.contactEmail'),
          type: 'email',
          hint: t('projects.parts.contactWayHint'),
          spellcheck: false,
        })}
        {contact.text('phone', {
          label: t('projects.parts.contactPhone'),
          type: 'tel',
          width: 'govuk-input--width-20',
        })}
      </AddForm>

      {p.steering ? (
        <>
          <h2 class="govuk-heading-m" id="steering">
            {t('projects.groups.steering')}
          </h2>
          <PostForm ctx={p.ctx} action={`${base}/steering`}>
            {steering.select('spaceId', {
              label: t('projects.groups.steeringLabel'),
              hint: t('projects.groups.steeringHint'),
              options: [
                { value: '', label: t('projects.groups.steeringNoChoice') },
                ...p.steering.map((s) => ({
                  value: s.id,
                  label: p.ctx.lang === 'en' && s.name_en ? s.name_en : s.name_pl,
                })),
              ],
            })}
            <Button variant="secondary">{t('projects.groups.steeringSave')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}

      {p.staff ? (
        <>
          <h2 class="govuk-heading-m" id="staff">
            {t('projects.parts.staff')}
          </h2>
          <p class="govuk-body">{t('projects.parts.staffHint')}</p>
          {onStaff.length === 0 ? (
            <p class="govuk-body">{t('projects.parts.staffNone')}</p>
          ) : (
            <Table
              caption={t('projects.parts.staff')}
              headers={[t('projects.parts.person'), { hidden: t('projects.parts.remove') }]}
            >
              {onStaff.map((s) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <span safe>{s.name}</span>{' '}
                    <span class="govuk-hint govuk-!-display-inline" safe>{`(${s.email})`}</span>
                  </td>
                  <td class="govuk-table__cell">
                    <RemoveButton ctx={p.ctx} action={`${base}/staff/remove`} rowId={s.id} name={s.name} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {candidates.length === 0 ? (
            <p class="govuk-body">{t('projects.parts.noCandidates')}</p>
          ) : (
            <AddForm ctx={p.ctx} action={`${base}/staff`} heading="addStaff">
              {staff.select('personId', {
                label: t('projects.parts.person'),
                options: [
                  { value: '', label: t('projects.form.choose') },
                  ...candidates.map((s) => ({ value: s.id, label: `${s.name} (${s.email})` })),
                ],
              })}
            </AddForm>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** A form under its own heading whose button repeats the heading. */
export function AddForm(p: {
  ctx: ViewContext
  action: string
  heading:
    | 'addPartner'
    | 'addGroup'
    | 'addIndicator'
    | 'addContact'
    | 'addStaff'
    | 'addActivity'
    | 'addNode'
    | 'addTheme'
  /** The heading's level: 3 under a list's own heading, 2 where the form has none above it. */
  level?: 2 | 3
  children: Children
}) {
  const heading = p.ctx.t(`projects.parts.${p.heading}`)
  return (
    <div class="govuk-!-margin-bottom-8">
      {p.level === 2 ? (
        <h2 class="govuk-heading-m">{heading}</h2>
      ) : (
        <h3 class="govuk-heading-s">{heading}</h3>
      )}
      <PostForm ctx={p.ctx} action={p.action}>
        {p.children}
        <Button variant="secondary">{heading}</Button>
      </PostForm>
    </div>
  )
}

/** A row's remove button, which a screen reader hears with the row's name. */
export function RemoveButton(p: {
  ctx: ViewContext
  action: string
  rowId: string
  name: string
  /** The button's words, where "Usuń" is not what it does. */
  label?: string
}) {
  return (
    <PostForm ctx={p.ctx} action={p.action}>
      <input type="hidden" name="rowId" value={p.rowId} />
      <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
        <span safe>{p.label ?? p.ctx.t('projects.parts.remove')}</span>
        <span class="govuk-visually-hidden" safe>{` ${p.name}`}</span>
      </button>
    </PostForm>
  )
}
