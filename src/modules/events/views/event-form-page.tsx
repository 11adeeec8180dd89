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
import { voivodeshipChoices } from '../../projects/index.ts'
import type { OrganiserChoices } from '../service.ts'
import { eventKinds } from '../tables.ts'

/** The organiser's form for a new event or a change of one: days and times on a Warsaw clock. */
export function EventFormPage(p: {
  ctx: ViewContext
  /** The event changed (its id and title); none for a new one. */
  event?: { id: string; title: string }
  values: FormValues
  organisers: OrganiserChoices
  themes: { id: string; name_pl: string; name_en: string }[]
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const action = p.event ? `/events/${p.event.id}/edit` : '/events/new'
  // Someone who runs no network nor project the form could name (nor is the secretariat).
  const o = p.organisers
  const nothingToOrganise = !o.secretariat && o.spaces.length === 0 && o.projects.length === 0
  return (
    <FormPage
      ctx={p.ctx}
      title={
        p.event
          ? t('events.form.editTitle', { event: p.event.title, ...unescaped })
          : t('events.form.newTitle')
      }
      errors={p.errors}
      section="events"
      back={
        p.event
          ? { href: `/events/${p.event.id}`, label: p.event.title }
          : { href: '/events', label: t('events.backToList') }
      }
    >
      {nothingToOrganise ? (
        <p class="govuk-inset-text">{t('events.form.nothingToOrganise')}</p>
      ) : (
        <PostForm ctx={p.ctx} action={action}>
          {f.select('kind', {
            label: t('events.form.kind'),
            options: eventKinds.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })),
          })}
          {f.text('title', { label: t('events.form.title'), maxlength: 200 })}
          {f.textarea('description', {
            label: t('events.form.description'),
            hint: t('events.form.descriptionHint'),
            rows: 10,
          })}
          {f.radios('lang', {
            label: t('events.form.lang'),
            inline: true,
            options: (['pl', 'en'] as const).map((l) => ({ value: l, label: t(`events.langs.${l}`) })),
          })}
          {f.select('organiser', {
            label: t('events.form.organiser'),
            options: [
              ...(p.organisers.secretariat
                ? [{ value: '', label: t('events.form.organiserSecretariat') }]
                : []),
              ...p.organisers.spaces.map((s) => ({
                value: `space:${s.id}`,
                label: lang === 'en' ? s.name_en : s.name_pl,
                group: t('events.form.organiserSpaces'),
              })),
              ...p.organisers.projects.map((pr) => ({
                value: `project:${pr.id}`,
                label: pr.acronym ? `${pr.acronym}: ${pr.title}` : pr.title,
                group: t('events.form.organiserProjects'),
              })),
            ],
          })}
          {f.select('region', {
            label: t('events.form.region'),
            hint: t('events.form.regionHint'),
            options: [
              { value: '', label: t('events.form.regionNone') },
              ...voivodeshipChoices().map((v) => ({ value: v.code, label: v.name })),
            ],
          })}
          {f.select('themeId', {
            label: t('events.form.theme'),
            options: [
              { value: '', label: t('events.form.themeNone') },
              ...p.themes.map((th) => ({ value: th.id, label: lang === 'en' ? th.name_en : th.name_pl })),
            ],
          })}
          {f.date('day', { label: t('events.form.day') })}
          {f.text('startTime', {
            label: t('events.form.startTime'),
            hint: t('events.form.timeHint'),
            width: 'govuk-input--width-5',
          })}
          {f.date('endDay', { label: t('events.form.endDay') })}
          {f.text('endTime', {
            label: t('events.form.endTime'),
            hint: t('events.form.timeHint'),
            width: 'govuk-input--width-5',
          })}
          {f.text('venue', {
            label: t('events.form.venue'),
            hint: t('events.form.venueHint'),
            maxlength: 500,
          })}
          {f.textarea('venueAccess', {
            label: t('events.form.venueAccess'),
            hint: t('events.form.venueAccessHint'),
            rows: 3,
          })}
          {f.text('onlineUrl', {
            label: t('events.form.onlineUrl'),
            hint: t('events.form.onlineUrlHint'),
            type: 'url',
            spellcheck: false,
          })}
          {f.text('capacity', {
            label: t('events.form.capacity'),
            type: 'number',
            width: 'govuk-input--width-5',
          })}
          {f.checkboxes('approval', {
            label: t('events.form.approvalLegend'),
            hint: t('events.form.approvalHint'),
            options: [{ value: 'yes', label: t('events.form.approval') }],
          })}
          {f.date('opensOn', { label: t('events.form.opensOn') })}
          {f.date('closesOn', { label: t('events.form.closesOn') })}
          <Button>{t('events.form.save')}</Button>
        </PostForm>
      )}
    </FormPage>
  )
}
