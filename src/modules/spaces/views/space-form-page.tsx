import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { Space } from '../service.ts'
import { spaceStatuses, spaceTypes } from '../tables.ts'
import { type SpaceMay, SpacePage } from './space-page.tsx'

/** The values of a space as its form shows them. */
export function spaceFormValues(s: Space): FormValues {
  const yes = (b: boolean) => (b ? 'yes' : undefined)
  return {
    namePl: s.name_pl,
    nameEn: s.name_en,
    type: s.type,
    status: s.status,
    themePl: s.theme_pl,
    themeEn: s.theme_en,
    descriptionPl: s.description_pl,
    descriptionEn: s.description_en,
    secretaryId: s.secretary_id ?? '',
    isPublic: yes(s.is_public),
    publicChair: yes(s.public_chair),
    publicMembers: yes(s.public_members),
    publicSchedule: yes(s.public_schedule),
  }
}

function SpaceFields(p: {
  ctx: ViewContext
  values: FormValues
  errors?: FieldErrors
  secretaries: { id: string; name: string }[]
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  // The four "public" switches are one question: what the public page shows.
  const checked = (name: string) => p.values[name] === 'yes'
  const scope = ['isPublic', 'publicChair', 'publicMembers', 'publicSchedule'] as const
  return (
    <>
      {f.text('namePl', { label: t('spaces.fields.namePl') })}
      {f.text('nameEn', { label: t('spaces.fields.nameEn') })}
      {f.select('type', {
        label: t('spaces.fields.type'),
        options: spaceTypes.map((v) => ({ value: v, label: t(`spaces.types.${v}`) })),
      })}
      {f.radios('status', {
        label: t('spaces.fields.status'),
        inline: true,
        options: spaceStatuses.map((v) => ({ value: v, label: t(`spaces.statuses.${v}`) })),
      })}
      {f.text('themePl', { label: t('spaces.fields.themePl') })}
      {f.text('themeEn', { label: t('spaces.fields.themeEn') })}
      {f.textarea('descriptionPl', { label: t('spaces.fields.descriptionPl'), rows: 5 })}
      {f.textarea('descriptionEn', { label: t('spaces.fields.descriptionEn'), rows: 5 })}
      {f.select('secretaryId', {
        label: t('spaces.fields.secretary'),
        options: [
          { value: '', label: t('spaces.fields.noSecretary') },
          ...p.secretaries.map((s) => ({ value: s.id, label: s.name })),
        ],
      })}
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset" aria-describedby="public-scope-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            {t('spaces.form.publicScope')}
          </legend>
          <div id="public-scope-hint" class="govuk-hint">
            {t('spaces.form.publicScopeHint')}
          </div>
          <div class="govuk-checkboxes govuk-checkboxes--small">
            {scope.map((name) => (
              <div class="govuk-checkboxes__item">
                <input
                  class="govuk-checkboxes__input"
                  id={`field-${name}`}
                  name={name}
                  type="checkbox"
                  value="yes"
                  checked={checked(name)}
                />
                <label class="govuk-label govuk-checkboxes__label" for={`field-${name}`}>
                  {t(`spaces.form.${name}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    </>
  )
}

export function NewSpacePage(p: {
  ctx: ViewContext
  values?: FormValues
  errors?: FieldErrors
  secretaries: { id: string; name: string }[]
}) {
  const { t } = p.ctx
  return (
    <FormPage
      ctx={p.ctx}
      title={t('spaces.new')}
      errors={p.errors}
      section="spaces"
      back={{ href: '/spaces', label: t('spaces.back') }}
    >
      <PostForm ctx={p.ctx} action="/spaces/new">
        <SpaceFields
          ctx={p.ctx}
          values={
            p.values ?? {
              type: 'thematic_network',
              status: 'forming',
              publicChair: 'yes',
              publicMembers: 'yes',
            }
          }
          errors={p.errors}
          secretaries={p.secretaries}
        />
        <Button>{t('forms.save')}</Button>
      </PostForm>
    </FormPage>
  )
}

export function SpaceSettingsPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  values: FormValues
  errors?: FieldErrors
  secretaries: { id: string; name: string }[]
}) {
  const { t } = p.ctx
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="settings"
      title={t('spaces.settings')}
      errors={p.errors}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action={`/spaces/${p.space.id}/settings`}>
            <SpaceFields ctx={p.ctx} values={p.values} errors={p.errors} secretaries={p.secretaries} />
            <Button>{t('forms.save')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
