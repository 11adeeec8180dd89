import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
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
import { KeysetNav, Pagination } from '../../../kernel/views/pagination.tsx'
import {
  type Answer,
  countryName,
  languageName,
  type Profile,
  profileCountries,
  profileParts,
  shownParts,
  spokenLanguages,
} from '../profiles.ts'
import { contentLanguages } from '../schemas.ts'
import { excerptOf } from './search-page.tsx'

/** A profile's shown parts as a summary list; nothing for the parts kept to oneself. */
function ShownProfile(p: { ctx: ViewContext; profile: Profile }) {
  const { t, lang } = p.ctx
  const s = shownParts(p.profile)
  const rows: [string, string][] = []
  if (s.country) rows.push([t('community.profile.country'), countryName(s.country, lang)])
  if (s.organisation) rows.push([t('community.profile.organisation'), s.organisation])
  if (s.languages)
    rows.push([t('community.profile.languages'), s.languages.map((l) => languageName(l, lang)).join(', ')])
  if (s.expertise) rows.push([t('community.profile.expertise'), s.expertise])
  if (s.availability) rows.push([t('community.profile.availability'), s.availability])
  if (s.bio) rows.push([t('community.profile.bio'), s.bio])
  if (!rows.length) return <p class="govuk-body">{t('community.profile.nothingShown')}</p>
  return (
    <dl class="govuk-summary-list">
      {rows.map(([label, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {label}
          </dt>
          <dd class="govuk-summary-list__value siatka-pre-line" safe>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** A member's own profile: what they tell the community, and which parts others see. */
export function ProfileFormPage(p: { ctx: ViewContext; values: FormValues; errors?: FieldErrors }) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const countries = profileCountries
    .map((c) => ({ value: c, label: countryName(c, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang))
  const languages = spokenLanguages
    .map((l) => ({ value: l, label: languageName(l, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang))
  return (
    <Layout ctx={p.ctx} title={t('community.profile.title')} section="forums" errors={p.errors}>
      {p.errors ? <ErrorSummary ctx={p.ctx} errors={p.errors} /> : ''}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t('community.profile.title')}</h1>
          <p class="govuk-body">{t('community.profile.intro')}</p>
          <PostForm ctx={p.ctx} action="/community/profile">
            {f.select('country', {
              label: t('community.profile.country'),
              options: [{ value: '', label: t('community.profile.noCountry') }, ...countries],
            })}
            {f.text('organisation', { label: t('community.profile.organisation') })}
            {f.checkboxes('languages', { label: t('community.profile.languages'), options: languages })}
            {f.textarea('expertise', {
              label: t('community.profile.expertise'),
              hint: t('community.profile.expertiseHint'),
              rows: 3,
            })}
            {f.text('availability', {
              label: t('community.profile.availability'),
              hint: t('community.profile.availabilityHint'),
            })}
            {f.textarea('bio', { label: t('community.profile.bio'), rows: 4 })}
            {f.checkboxes('shown', {
              label: t('community.profile.shown'),
              hint: t('community.profile.shownHint'),
              options: profileParts.map((part) => ({ value: part, label: t(`community.profile.${part}`) })),
            })}
            {f.checkboxes('reads', {
              label: t('community.profile.reads'),
              hint: t('community.profile.readsHint'),
              options: contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
            })}
            <Button>{t('community.profile.save')}</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  )
}

/** A member as others see them: the parts they show, and their answers to others' questions. */
export function PersonPage(p: {
  ctx: ViewContext
  profile: Profile
  answers: Answer[]
  next: string | null
  continued: boolean
  own: boolean
}) {
  const { t, lang } = p.ctx
  const base = `/community/people/${p.profile.id}`
  return (
    <Layout ctx={p.ctx} title={p.profile.name} section="forums">
      <p class="govuk-body">
        <a class="govuk-link" href="/community">
          {t('community.back')}
        </a>
      </p>
      <span class="govuk-caption-l">{t(`roles.${p.profile.role}`)}</span>
      <h1 class="govuk-heading-l" safe>
        {p.profile.name}
      </h1>
      {p.own ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/community/profile">
            {t('community.profile.edit')}
          </a>
        </p>
      ) : (
        ''
      )}
      <ShownProfile ctx={p.ctx} profile={p.profile} />
      <h2 class="govuk-heading-m">{t('community.profile.answers')}</h2>
      {p.answers.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.answers.map((a) => (
            <li>
              <a class="govuk-link" href={`/community/topics/${a.topic_id}#post-${a.id}`} lang={a.lang} safe>
                {a.title}
              </a>
              {a.accepted_post_id === a.id ? (
                <>
                  {' '}
                  <strong class="govuk-tag govuk-tag--green">{t('community.profile.acceptedTag')}</strong>
                </>
              ) : (
                ''
              )}
              <br />
              <span class="govuk-body-s" safe>
                {formatDateTime(a.created_at, lang)}
              </span>
              <p class="govuk-body govuk-!-margin-bottom-0" lang={a.lang} safe>
                {excerptOf(a.body)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.profile.noAnswers')}</p>
      )}
      <KeysetNav
        first={base}
        next={p.next ? `${base}?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.profile.answersPages')}
        words={[t('community.profile.answersFirst'), t('community.profile.answersMore')]}
      />
    </Layout>
  )
}

/** The experts: what each shows of their areas, languages and availability, and their accepted answers. */
export function ExpertsPage(p: {
  ctx: ViewContext
  experts: (Profile & { accepted: number | null })[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.experts.title')} section="forums">
      <p class="govuk-body">
        <a class="govuk-link" href="/community">
          {t('community.back')}
        </a>
      </p>
      <h1 class="govuk-heading-l">{t('community.experts.title')}</h1>
      <p class="govuk-body">{t('community.experts.intro')}</p>
      {p.experts.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.experts.map((e) => {
            const s = shownParts(e)
            const about = [
              s.expertise,
              s.languages ? s.languages.map((l) => languageName(l, lang)).join(', ') : null,
              s.availability,
            ].filter((x): x is string => Boolean(x))
            return (
              <li>
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/community/people/${e.id}`} safe>
                    {e.name}
                  </a>
                </h2>
                {about.length ? (
                  <p class="govuk-body govuk-!-margin-bottom-1" safe>
                    {about.join(' · ')}
                  </p>
                ) : (
                  ''
                )}
                <p class="govuk-body-s govuk-!-margin-bottom-0">
                  {t('community.experts.accepted', { count: e.accepted ?? 0 })}
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.experts.none')}</p>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/community/experts" query={{}} />
    </Layout>
  )
}
