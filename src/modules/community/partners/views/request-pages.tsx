import type { Day } from '../../../../kernel/dates.ts'
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
import { countryName } from '../../profiles.ts'
import { contentLanguages } from '../../schemas.ts'
import type { OrganisationHit, PartnerRequest } from '../service.ts'
import { requestState } from './organisation-pages.tsx'
import { type Choices, Facts, labelsOf, MatchNote } from './parts.tsx'

/** A partner request: the idea, the partner sought, the organisations that match; a way to answer it. */
export function RequestPage(p: {
  ctx: ViewContext
  request: PartnerRequest
  choices: Choices
  matches: OrganisationHit[]
  today: Day
  mayEdit: boolean
  mayAnswer: boolean
  signedIn: boolean
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const r = p.request
  const state = requestState(p.ctx, r, p.today)
  const any = t('community.partners.anyValue')
  const f = formFields(p.ctx, p.refused?.values ?? { subject: r.title }, p.refused?.errors)
  return (
    <Layout ctx={p.ctx} title={r.title} section="partners" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href="/community/partners/requests">
          {t('community.partners.requests')}
        </a>
      </p>
      <span class="govuk-caption-l">{t(`community.partners.programmes.${r.programme as 'other'}`)}</span>
      <h1 class="govuk-heading-l" lang={r.lang} safe>
        {r.title}
      </h1>
      <p class="govuk-body">
        <strong class={`govuk-tag ${state.open ? 'govuk-tag--green' : 'govuk-tag--grey'}`} safe>
          {state.text}
        </strong>
      </p>
      {p.mayEdit && state.open ? (
        <div class="siatka-actions">
          <a class="govuk-button govuk-button--secondary" href={`/community/partners/requests/${r.id}/edit`}>
            {t('community.partners.request.edit')}
          </a>
          <PostForm ctx={p.ctx} action={`/community/partners/requests/${r.id}/withdraw`}>
            <Button variant="warning">{t('community.partners.request.withdraw')}</Button>
          </PostForm>
        </div>
      ) : (
        ''
      )}
      <Facts
        rows={[
          [
            t('community.partners.request.by'),
            `${r.organisation_name} (${countryName(r.organisation_country, lang)})`,
          ],
          [t('community.partners.request.idea'), r.idea, r.lang],
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/community/organisations/${r.organisation_id}`} safe>
          {r.organisation_name}
        </a>
      </p>
      <h2 class="govuk-heading-m">{t('community.partners.request.sought')}</h2>
      <Facts
        rows={[
          [t('community.partners.request.seekKinds'), labelsOf(p.choices.kind, r.seek_kinds, any)],
          [t('community.partners.request.seekCountries'), labelsOf(p.choices.country, r.seek_countries, any)],
          [t('community.partners.request.seekThemes'), labelsOf(p.choices.theme, r.seek_themes, any)],
          [
            t('community.partners.request.seekLanguages'),
            labelsOf(p.choices.language, r.seek_languages, any),
          ],
          [t('community.partners.request.competences'), r.competences, r.lang],
        ]}
      />
      {state.open ? (
        <>
          <h2 class="govuk-heading-m">{t('community.partners.request.matches')}</h2>
          {p.matches.length ? (
            <ol class="govuk-list govuk-list--spaced">
              {p.matches.map((o) => (
                <li>
                  <a class="govuk-link" href={`/community/organisations/${o.id}`} safe>
                    {o.name}
                  </a>{' '}
                  <span class="govuk-body-s" safe>
                    {`(${countryName(o.country, lang)})`}
                  </span>
                  <MatchNote ctx={p.ctx} match={o.match} />
                </li>
              ))}
            </ol>
          ) : (
            <p class="govuk-body">{t('community.partners.request.noMatches')}</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={`/community/partners?request=${r.id}`}>
              {t('community.partners.request.allMatches')}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {p.mayAnswer && state.open ? (
        <>
          <h2 class="govuk-heading-m">{t('community.partners.request.answer')}</h2>
          <p class="govuk-body">{t('community.partners.organisation.writeIntro')}</p>
          <PostForm ctx={p.ctx} action={`/community/organisations/${r.organisation_id}/messages`}>
            <input type="hidden" name="requestId" value={r.id} />
            {f.text('subject', { label: t('community.messages.subject') })}
            {f.textarea('body', { label: t('community.messages.body'), rows: 6 })}
            <Button>{t('community.messages.send')}</Button>
          </PostForm>
        </>
      ) : !p.signedIn && state.open ? (
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={`/sign-in?next=${encodeURIComponent(`/community/partners/requests/${r.id}`)}`}
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

/** A partner request's form: new, or changed by its organisation. */
export function RequestFormPage(p: {
  ctx: ViewContext
  action: string
  isNew: boolean
  choices: Choices
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const title = t(p.isNew ? 'community.partners.organisation.newRequest' : 'community.partners.request.edit')
  return (
    <FormPage ctx={p.ctx} title={title} section="partners" errors={p.errors}>
      <PostForm ctx={p.ctx} action={p.action}>
        {f.text('title', { label: t('community.partners.request.title') })}
        {f.radios('lang', {
          label: t('community.partners.request.lang'),
          options: contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
        })}
        {f.textarea('idea', {
          label: t('community.partners.request.idea'),
          hint: t('community.partners.request.ideaHint'),
          rows: 6,
        })}
        {f.select('programme', {
          label: t('community.partners.request.programme'),
          options: p.choices.programme,
        })}
        <h2 class="govuk-heading-m">{t('community.partners.request.seeking')}</h2>
        <p class="govuk-body">{t('community.partners.request.seekingHint')}</p>
        {f.checkboxes('seekKinds', {
          label: t('community.partners.request.seekKinds'),
          options: p.choices.kind,
        })}
        {f.checkboxes('seekThemes', {
          label: t('community.partners.request.seekThemes'),
          options: p.choices.theme,
        })}
        {f.checkboxes('seekLanguages', {
          label: t('community.partners.request.seekLanguages'),
          options: p.choices.language,
        })}
        {f.checkboxes('seekCountries', {
          label: t('community.partners.request.seekCountries'),
          options: p.choices.country,
        })}
        {f.textarea('competences', { label: t('community.partners.request.competences'), rows: 3 })}
        {f.date('deadline', {
          label: t('community.partners.request.deadline'),
          hint: t('community.partners.request.deadlineHint'),
        })}
        <Button>
          {t(p.isNew ? 'community.partners.request.publish' : 'community.partners.request.save')}
        </Button>
      </PostForm>
    </FormPage>
  )
}
