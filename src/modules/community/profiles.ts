// Community members' profiles: what a person tells the community about themselves, each part shown
// only if they chose to show it; a person's answers; the directory of experts.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import type { ProfileForm } from './schemas.ts'
import { readableForums } from './visibility.ts'

/** The parts of a profile a person may show. */
export const profileParts = [
  'country',
  'organisation',
  'languages',
  'expertise',
  'availability',
  'bio',
] as const
export type ProfilePart = (typeof profileParts)[number]

/** The languages a member may say they speak: the EU's official ones, and a few more of the region. */
export const spokenLanguages = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'uk',
  'no',
  'is',
] as const

/** Where members work from: the EU and EEA countries, and their neighbours in the programmes. */
export const profileCountries = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'IS',
  'LI',
  'NO',
  'CH',
  'GB',
  'UA',
  'MD',
] as const

const regionNames = {
  pl: new Intl.DisplayNames('pl', { type: 'region' }),
  en: new Intl.DisplayNames('en', { type: 'region' }),
}
const languageNames = {
  pl: new Intl.DisplayNames('pl', { type: 'language' }),
  en: new Intl.DisplayNames('en', { type: 'language' }),
}
/** A country's name in the reader's language ("ES" → "Hiszpania"). */
export const countryName = (code: string, lang: 'pl' | 'en') => regionNames[lang].of(code) ?? code
/** A language's name in the reader's language ("de" → "niemiecki"). */
export const languageName = (code: string, lang: 'pl' | 'en') => languageNames[lang].of(code) ?? code

/** A person and what their profile holds (shownParts says what others see of it). */
const profileColumns = [
  'p.id',
  'p.name',
  'p.role',
  'c.country',
  'c.organisation',
  'c.languages',
  'c.expertise',
  'c.availability',
  'c.bio',
  'c.shown',
  'c.reads',
] as const

export function findProfile(db: Db, personId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('community_profiles as c', 'c.person_id', 'p.id')
    .select(profileColumns)
    .where('p.id', '=', personId)
    .where('p.is_active', '=', true)
    .executeTakeFirst()
}
export type Profile = NonNullable<Awaited<ReturnType<typeof findProfile>>>

/** What others see of a profile: only the parts the person chose to show. */
export function shownParts(profile: Profile) {
  const shown = new Set(profile.shown ?? [])
  const part = <T>(name: ProfilePart, value: T) => (shown.has(name) ? value : null)
  return {
    country: part('country', profile.country),
    organisation: part('organisation', profile.organisation || null),
    languages: part('languages', profile.languages?.length ? profile.languages : null),
    expertise: part('expertise', profile.expertise || null),
    availability: part('availability', profile.availability || null),
    bio: part('bio', profile.bio || null),
  }
}

export async function saveProfile(db: Db, actor: Actor, form: ProfileForm) {
  const values = {
    country: form.country,
    organisation: form.organisation,
    languages: form.languages,
    expertise: form.expertise,
    availability: form.availability,
    bio: form.bio,
    shown: form.shown,
    reads: form.reads,
    updated_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('community_profiles')
      .values({ person_id: actor.id, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute()
    await audit(trx, actor, { action: 'community.profile-saved', subjectType: 'person', subjectId: actor.id })
  })
}

/**
 * The one content language a person reads the community in, or null when they read both (or said
 * nothing): the lists' language filter starts there.
 */
export async function languageRead(db: Db, personId: string | undefined): Promise<'pl' | 'en' | null> {
  if (!personId) return null
  const row = await db
    .selectFrom('community_profiles')
    .select('reads')
    .where('person_id', '=', personId)
    .executeTakeFirst()
  const reads = row?.reads ?? []
  return reads.length === 1 && (reads[0] === 'pl' || reads[0] === 'en') ? reads[0] : null
}

/**
 * A person's answers (their posts in others' questions), newest first, after a post: in the forums
 * the reader reads.
 */
export const answersPageSize = 20
export function answersOf(
  db: Db,
  reader: Actor | null,
  personId: string,
  after: { at: Date; id: string } | null,
) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('community_topics as t', 't.id', 'p.topic_id')
    .innerJoin('community_forums as f', 'f.id', 't.forum_id')
    .where(readableForums(db, reader))
    .select(['p.id', 'p.body', 'p.created_at', 't.id as topic_id', 't.title', 't.lang', 't.accepted_post_id'])
    .where('p.author_id', '=', personId)
    .where('p.state', '=', 'published')
    .where('t.held', '=', false)
    .where('t.merged_into', 'is', null)
    .where('t.is_question', '=', true)
    .where('t.author_id', '!=', personId)
    .$if(after !== null, (q) => q.where(sql<boolean>`(p.created_at, p.id) < (${after?.at}, ${after?.id})`))
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(answersPageSize + 1)
    .execute()
}
export type Answer = Awaited<ReturnType<typeof answersOf>>[number]

/** Experts on one page of the directory. */
export const expertsPageSize = 25

/** The experts (the global role), by name, with what they show and how many of their answers were accepted. */
export function expertsPage(db: Db, offset: number) {
  return db
    .selectFrom('people as p')
    .leftJoin('community_profiles as c', 'c.person_id', 'p.id')
    .select(profileColumns)
    .select([
      (eb) =>
        eb
          .selectFrom('community_topics as t')
          .innerJoin('community_posts as a', 'a.id', 't.accepted_post_id')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('a.author_id', '=', 'p.id')
          .as('accepted'),
    ])
    .where('p.role', '=', 'expert')
    .where('p.is_active', '=', true)
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(expertsPageSize + 1)
    .offset(offset)
    .execute()
}
