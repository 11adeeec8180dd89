import { type Day, formatDateTime, safeDay } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { FormPage } from '../../../../kernel/views/form-page.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import type { PublicProject } from '../../../projects/index.ts'
import { countryName } from '../../profiles.ts'
import { contentLanguages } from '../../schemas.ts'
import { organisationSizes } from '../rules.ts'
import type { OrganisationProfile } from '../service.ts'
import { type Choices, Facts, labelsOf } from './parts.tsx'

/** A request's state in words: open until, expired on, or withdrawn. */
export function requestState(
  ctx: ViewContext,
  r: { deadline: Day; closed_at: Date | null },
  today: Day,
): { text: string; open: boolean } {
  const { t, lang } = ctx
  if (r.closed_at) return { text: t('community.partners.request.closed'), open: false }
  const day = safeDay(r.deadline, lang)
  return r.deadline >= today
    ? { text: t('community.partners.request.until', { day }), open: true }
    : { text: t('community.partners.request.expired', { day }), open: false }
}

/** An organisation as the community sees it: its profile, projects, requests, and a way to write to it. */
export function OrganisationPage(p: {
  ctx: ViewContext
  organisation: OrganisationProfile
  choices: Choices
  projects: PublicProject[]
  requests: { id: string; title: string; lang: string; deadline: Day; closed_at: Date | null }[]
  today: Day
  mayEdit: boolean
  mayWrite: boolean
  signedIn: boolean
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const o = p.organisation
  const f = formFields(p.ctx, p.refused?.values, p.refused?.errors)
  return (
    <Layout ctx={p.ctx} title={o.name} section="partners" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href="/community/partners">
          {t('community.partners.title')}
        </a>
      </p>
      <span class="govuk-caption-l">{t(`accounts.organisations.types.${o.type}`)}</span>
      <h1 class="govuk-heading-l" safe>
        {o.name}
      </h1>
      {p.mayEdit ? (
        <ul class="govuk-list siatka-inline-list">
          <li>
            <a class="govuk-link" href={`/community/organisations/${o.id}/edit`}>
              {t('community.partners.organisation.edit')}
            </a>
          </li>
          {o.profiled ? (
            <li>
              <a class="govuk-link" href="/community/partners/requests/new">
                {t('community.partners.organisation.newRequest')}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      ) : (
        ''
      )}
      {o.profiled ? (
        <Facts
          rows={[
            [t('community.partners.organisation.country'), countryName(o.country, lang)],
            [
              t('community.partners.organisation.region'),
              [o.region_name, o.region_code ? `(${o.region_code})` : ''].filter(Boolean).join(' '),
            ],
            [
              t('community.partners.organisation.size'),
              o.size ? t(`community.partners.sizes.${o.size as 'micro'}`) : '',
            ],
            [t('community.partners.organisation.website'), o.website ?? ''],
            [t('community.partners.organisation.themes'), labelsOf(p.choices.theme, o.themes ?? [])],
            [t('community.partners.organisation.languages'), labelsOf(p.choices.language, o.languages ?? [])],
            [
              t('community.partners.organisation.programmes'),
              labelsOf(p.choices.programme, o.programmes ?? []),
            ],
            [t('community.partners.organisation.experience'), o.experience ?? '', o.lang ?? undefined],
            [t('community.partners.organisation.offers'), o.offers ?? '', o.lang ?? undefined],
            [t('community.partners.organisation.seeks'), o.seeks ?? '', o.lang ?? undefined],
          ]}
        />
      ) : (
        <p class="govuk-body">{t('community.partners.organisation.noProfile')}</p>
      )}
      {o.updated_at ? (
        <p class="govuk-body-s">
          {t('community.partners.organisation.updated', { at: formatDateTime(o.updated_at, lang) })}
        </p>
      ) : (
        ''
      )}
      {p.projects.length ? (
        <>
          <h2 class="govuk-heading-m">{t('community.partners.organisation.projects')}</h2>
          <ul class="govuk-list govuk-list--spaced">
            {p.projects.map((pr) => (
              <li>
                <a class="govuk-link" href={pr.href} safe>
                  {`${pr.acronym} – ${pr.title}`}
                </a>{' '}
                <span class="govuk-body-s" safe>
                  {`(${t(pr.lead ? 'community.partners.organisation.lead' : 'community.partners.organisation.partner')}, ${safeDay(pr.startsOn, lang)} – ${safeDay(pr.endsOn, lang)})`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('community.partners.organisation.itsRequests')}</h2>
      {p.requests.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.requests.map((r) => {
            const state = requestState(p.ctx, r, p.today)
            return (
              <li>
                <a class="govuk-link" href={`/community/partners/requests/${r.id}`} lang={r.lang} safe>
                  {r.title}
                </a>{' '}
                <strong class={`govuk-tag ${state.open ? 'govuk-tag--green' : 'govuk-tag--grey'}`} safe>
                  {state.text}
                </strong>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.partners.organisation.noRequests')}</p>
      )}
      {p.mayWrite ? (
        <>
          <h2 class="govuk-heading-m" id="write">
            {t('community.partners.organisation.write')}
          </h2>
          <p class="govuk-body">{t('community.partners.organisation.writeIntro')}</p>
          <PostForm ctx={p.ctx} action={`/community/organisations/${o.id}/messages`}>
            {f.text('subject', { label: t('community.messages.subject') })}
            {f.textarea('body', { label: t('community.messages.body'), rows: 6 })}
            <Button>{t('community.messages.send')}</Button>
          </PostForm>
        </>
      ) : !p.signedIn ? (
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={`/sign-in?next=${encodeURIComponent(`/community/organisations/${o.id}`)}`}
          >
            {t('community.partners.organisation.signInToWrite')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** An organisation's profile as its contact person (or the secretariat) writes it; new: the person's own organisation. */
export function OrganisationFormPage(p: {
  ctx: ViewContext
  action: string
  isNew: boolean
  choices: Choices
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const title = t(p.isNew ? 'community.partners.organisation.new' : 'community.partners.organisation.edit')
  return (
    <FormPage ctx={p.ctx} title={title} section="partners" errors={p.errors}>
      {p.isNew ? <p class="govuk-body">{t('community.partners.organisation.newIntro')}</p> : ''}
      <PostForm ctx={p.ctx} action={p.action}>
        {f.text('name', { label: t('community.partners.organisation.name') })}
        {f.select('type', { label: t('community.partners.organisation.type'), options: p.choices.kind })}
        {f.select('country', {
          label: t('community.partners.organisation.country'),
          options: p.choices.country,
        })}
        {f.text('regionCode', {
          label: t('community.partners.organisation.regionCode'),
          hint: t('community.partners.organisation.regionCodeHint'),
        })}
        {f.text('regionName', { label: t('community.partners.organisation.regionName') })}
        {f.select('size', {
          label: t('community.partners.organisation.size'),
          options: [
            { value: '', label: t('community.partners.organisation.noSize') },
            ...organisationSizes.map((s) => ({ value: s, label: t(`community.partners.sizes.${s}`) })),
          ],
        })}
        {f.text('website', { label: t('community.partners.organisation.website') })}
        {f.checkboxes('themes', {
          label: t('community.partners.organisation.themes'),
          options: p.choices.theme,
        })}
        {f.checkboxes('languages', {
          label: t('community.partners.organisation.languages'),
          options: p.choices.language,
        })}
        {f.checkboxes('programmes', {
          label: t('community.partners.organisation.programmes'),
          options: p.choices.programme,
        })}
        {f.radios('lang', {
          label: t('community.partners.organisation.lang'),
          options: contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
        })}
        {f.textarea('experience', { label: t('community.partners.organisation.experience'), rows: 4 })}
        {f.textarea('offers', { label: t('community.partners.organisation.offers'), rows: 4 })}
        {f.textarea('seeks', { label: t('community.partners.organisation.seeks'), rows: 4 })}
        <Button>{t('community.partners.organisation.save')}</Button>
      </PostForm>
    </FormPage>
  )
}
