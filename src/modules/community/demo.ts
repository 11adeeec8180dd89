// The community's demo: three open forums with questions answered and waiting, in Polish and
// English, written by the demo's network people and by practitioners from other countries (who have
// no password: they are authors, not demo accounts). Days are relative to today, on working hours.
import { sql } from 'kysely'
import type { AnyDb } from '../../kernel/db.ts'
import { demoPdf } from '../../kernel/demo.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'
import { type DemoPost, type DemoTopic, momentOf, momentsOf } from './demo-moments.ts'
import { seedSpaceForums } from './demo-space-forums.ts'
import { moreTopics } from './demo-threads.ts'
import { seedKnowledge } from './knowledge/demo.ts'
import { seedPartners } from './partners/demo.ts'

const members: { email: string; name: string; org?: string }[] = [
  { email: 'maria.fernandez@demo.siatka.test', name: 'María Fernández López' },
  { email: 'jan.devries@demo.siatka.test', name: 'Jan de Vries' },
  { email: 'aoife.byrne@demo.siatka.test', name: 'Aoife Byrne', org: 'Social Economy Network Ireland' },
  { email: 'tomas.novak@demo.siatka.test', name: 'Tomáš Novák' },
  { email: 'magdalena.wisniewska@demo.siatka.test', name: 'Magdalena Wiśniewska' },
  { email: 'tomasz.zielinski@demo.siatka.test', name: 'Tomasz Zieliński' },
  { email: 'lena.hofmann@demo.siatka.test', name: 'Lena Hofmann' },
  { email: 'dariusz.kwiatkowski@demo.siatka.test', name: 'Dariusz Kwiatkowski' },
]

/** What some of them tell the community about themselves (all of it shown). */
const profiles: {
  email: string
  country: string
  organisation: string
  languages: string[]
  expertise: string
  availability: string
  bio: string
}[] = [
  {
    email: 'ekspert@demo.siatka.test',
    country: 'PL',
    organisation: 'Uniwersytet Łódzki',
    languages: ['pl', 'en', 'de'],
    expertise: 'Kwalifikowalność wydatków EFS, wskaźniki wspólne EFS+, współpraca ponadnarodowa.',
    availability: 'Odpowiadam w ciągu trzech dni roboczych.',
    bio: 'Od 2008 r. ekspert ds. oceny projektów EFS; członek KST ds. ekonomii społecznej.',
  },
  {
    email: 'maria.fernandez@demo.siatka.test',
    country: 'ES',
    organisation: 'Fundación Empleo Joven, Sevilla',
    languages: ['es', 'en', 'pt'],
    expertise: 'Youth employment, job coaching, NEET outreach.',
    availability: '',
    bio: '',
  },
  {
    email: 'aoife.byrne@demo.siatka.test',
    country: 'IE',
    organisation: 'Social Economy Network Ireland',
    languages: ['en', 'ga'],
    expertise: 'Social enterprise support, ESF+ reporting.',
    availability: 'Fridays.',
    bio: '',
  },
]

const forums: { pl: string; en: string; dpl: string; den: string; topics: DemoTopic[] }[] = [
  {
    pl: 'Współpraca ponadnarodowa',
    en: 'Transnational cooperation',
    dpl: 'Szukanie partnerów za granicą, umowy o współpracy ponadnarodowej, wspólne działania.',
    den: 'Finding partners abroad, transnational cooperation agreements, joint activities.',
    topics: [
      {
        title: 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?',
        lang: 'pl',
        question: true,
        accepted: 3,
        posts: [
          {
            by: 'projekt@demo.siatka.test',
            ago: 41,
            hour: 9,
            body: 'Przygotowujemy umowę z partnerem z Hiszpanii. Instytucja pośrednicząca prosi o **jednoznaczny podział zadań i kosztów**. Czy ktoś ma sprawdzony wzór takiego załącznika?',
          },
          {
            by: 'magdalena.wisniewska@demo.siatka.test',
            ago: 40,
            hour: 11,
            body: 'My opisywaliśmy zadania w tabeli: zadanie, kto odpowiada, kto uczestniczy, rezultat, koszt po stronie każdego partnera. Ważne, żeby każdy koszt był przypisany tylko jednej stronie.',
          },
          {
            by: 'ekspert@demo.siatka.test',
            ago: 39,
            hour: 14,
            body: 'Dobrze sprawdza się załącznik w trzech częściach:\n\n1. cele wspólne i rezultaty,\n2. tabela zadań z odpowiedzialnością i terminami,\n3. zasady ponoszenia kosztów (kto płaci za podróże, tłumaczenia, spotkania).\n\nDo tego zasady rozwiązywania sporów i język umowy. Partner zagraniczny nie rozlicza się z polską instytucją, więc jego koszty powinny wynikać z jego własnego budżetu.',
          },
          {
            by: 'projekt@demo.siatka.test',
            ago: 38,
            hour: 10,
            body: 'Dziękuję, tabela w trzech częściach przeszła bez uwag.',
          },
        ],
      },
      {
        title: 'Looking for a Polish partner for a youth employment pilot',
        lang: 'en',
        question: false,
        posts: [
          {
            by: 'maria.fernandez@demo.siatka.test',
            ago: 23,
            hour: 10,
            body: 'We are a foundation from Seville running a job-coaching programme for young people not in employment, education or training. We are looking for a Polish NGO or local authority to test the model in a second country. Anyone interested?',
          },
          {
            by: 'tomasz.zielinski@demo.siatka.test',
            ago: 22,
            hour: 13,
            body: 'Hello María, our centre in Rybnik works with NEET youth. I will send you a message with our profile.',
          },
        ],
      },
      {
        title: 'Which language should the cooperation agreement be in?',
        lang: 'en',
        question: true,
        posts: [
          {
            by: 'jan.devries@demo.siatka.test',
            ago: 6,
            hour: 15,
            body: 'Our Polish partner’s managing authority asks for a Polish version of the agreement, our lawyers want Dutch. Is an English agreement with a certified translation accepted?',
          },
        ],
      },
    ],
  },
  {
    pl: 'Budżet i rozliczanie projektów EFS',
    en: 'ESF project budgets and reporting',
    dpl: 'Koszty kwalifikowalne, wnioski o płatność, wskaźniki.',
    den: 'Eligible costs, payment claims, indicators.',
    topics: [
      {
        title: 'Czy koszty tłumaczeń symultanicznych są kwalifikowalne?',
        lang: 'pl',
        question: true,
        accepted: 2,
        posts: [
          {
            by: 'czlonek@demo.siatka.test',
            ago: 30,
            hour: 9,
            body: 'Planujemy konferencję z udziałem gości z trzech krajów. Czy tłumaczenie symultaniczne można wpisać do budżetu jako koszt bezpośredni?',
          },
          {
            by: 'ekspert@demo.siatka.test',
            ago: 29,
            hour: 12,
            body: 'Tak, jeśli tłumaczenie jest niezbędne do osiągnięcia celu działania i zostało zaplanowane we wniosku. Warto dołączyć uzasadnienie: liczba uczestników z zagranicy, języki, czas trwania. Pamiętaj o zasadzie konkurencyjności przy wyborze wykonawcy.',
          },
        ],
      },
      {
        title: 'Jak wykazać wskaźnik „liczba osób, które uzyskały kwalifikacje”?',
        lang: 'pl',
        question: true,
        posts: [
          {
            by: 'magdalena.wisniewska@demo.siatka.test',
            ago: 4,
            hour: 10,
            body: 'Uczestnicy zdają egzamin zewnętrzny kilka tygodni po zakończeniu szkolenia. Czy możemy wykazać wskaźnik w kolejnym wniosku o płatność, jeśli egzamin wypada już po zakończeniu udziału w projekcie?',
          },
        ],
      },
      {
        title: 'Reporting indicators when participants leave early',
        lang: 'en',
        question: true,
        accepted: 3,
        posts: [
          {
            by: 'aoife.byrne@demo.siatka.test',
            ago: 17,
            hour: 11,
            body: 'A few participants left our programme after two months for a job. Do they count as having completed the support?',
          },
          {
            by: 'tomas.novak@demo.siatka.test',
            ago: 16,
            hour: 9,
            body: 'In Czechia we report them as leaving for employment, which counts as a positive result.',
          },
          {
            by: 'ekspert@demo.siatka.test',
            ago: 16,
            hour: 14,
            body: 'Under the ESF+ common indicators, someone who leaves early **because they found a job** is reported in the result indicator for people in employment upon leaving. Keep the evidence (a contract or a statement) with the participant’s file.',
          },
        ],
      },
    ],
  },
  {
    pl: 'Ekonomia społeczna',
    en: 'Social economy',
    dpl: 'Przedsiębiorstwa społeczne, spółdzielnie socjalne, zamówienia społecznie odpowiedzialne.',
    den: 'Social enterprises, social cooperatives, socially responsible procurement.',
    topics: [
      {
        title: 'Klauzule społeczne w zamówieniach gminy – doświadczenia',
        lang: 'pl',
        question: false,
        posts: [
          {
            by: 'przewodniczacy@demo.siatka.test',
            ago: 12,
            hour: 10,
            body: 'Podzielcie się, proszę, doświadczeniami z zastrzeganiem zamówień dla spółdzielni socjalnych. U nas najlepiej sprawdziło się utrzymanie zieleni i catering dla szkół.',
          },
          {
            by: 'tomasz.zielinski@demo.siatka.test',
            ago: 11,
            hour: 12,
            body: 'W Rybniku od dwóch lat zastrzegamy zamówienia na sprzątanie budynków. Kluczowe było spotkanie z wykonawcami przed ogłoszeniem.',
          },
          {
            by: 'sekretarz@demo.siatka.test',
            ago: 2,
            hour: 9,
            body: 'Zbieramy takie przykłady do rekomendacji sieci – zapraszam do dopisywania kolejnych.',
          },
        ],
      },
    ],
  },
]

export async function seedCommunity(handle: AnyDb, storage?: LocalStorage) {
  const db = handle as Db
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).execute()
  await db
    .insertInto('people')
    .values(
      members.map((m) => ({
        email: m.email,
        name: m.name,
        password_hash: null,
        role: 'community_member' as const,
        organisation_id: orgs.find((o) => o.name === m.org)?.id ?? null,
        position: null,
        lang: 'en' as const,
        updated_at: new Date(),
      })),
    )
    .execute()
  const people = new Map(
    (await db.selectFrom('people').select(['id', 'email']).execute()).map((p) => [p.email, p.id]),
  )
  const personId = (email: string) => {
    const id = people.get(email)
    if (!id) throw new Error(`No demo person ${email}`)
    return id
  }
  await db
    .insertInto('community_profiles')
    .values(
      profiles.map(({ email, ...p }) => ({
        person_id: personId(email),
        ...p,
        shown: ['country', 'organisation', 'languages', 'expertise', 'availability', 'bio'],
      })),
    )
    .execute()
  const secretariat = personId('koordynator@demo.siatka.test')
  for (const [position, f] of forums.entries()) {
    const forum = await db
      .insertInto('community_forums')
      .values({
        name_pl: f.pl,
        name_en: f.en,
        description_pl: f.dpl,
        description_en: f.den,
        position,
        created_by: secretariat,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const topic of [...f.topics, ...(moreTopics[f.pl] ?? [])]) {
      const first = topic.posts[0] as DemoPost
      const moments = momentsOf(topic.posts)
      const row = await db
        .insertInto('community_topics')
        .values({
          forum_id: forum.id,
          title: topic.title,
          lang: topic.lang,
          is_question: topic.question,
          author_id: personId(first.by),
          created_at: moments[0] as Date,
          last_post_at: moments.at(-1) as Date,
          post_count: topic.posts.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const posts = await db
        .insertInto('community_posts')
        .values(
          topic.posts.map((p, i) => ({
            topic_id: row.id,
            author_id: personId(p.by),
            body: p.body,
            created_at: moments[i] as Date,
          })),
        )
        .returning('id')
        .execute()
      const accepted = topic.accepted ? posts[topic.accepted - 1] : undefined
      if (accepted)
        await db
          .updateTable('community_topics')
          .set({ accepted_post_id: accepted.id })
          .where('id', '=', row.id)
          .execute()
    }
  }
  await seedSpaceForums(db, secretariat)
  await seedModeration(db, personId)
  await seedEdit(db, storage)
  await seedKnowledge(db, personId)
  await seedPartners(db)
}

/** The expert's answer on the agreement's annex, edited a few hours after it was written (its first text kept). */
async function seedEdit(db: Db, storage?: LocalStorage) {
  const answer = await db
    .selectFrom('community_posts')
    .select(['id', 'author_id', 'created_at'])
    .where('body', 'like', 'Dobrze sprawdza się załącznik w trzech częściach:%')
    .executeTakeFirstOrThrow()
  const edited = new Date(answer.created_at.getTime() + 2 * 3_600_000)
  await db
    .insertInto('community_post_versions')
    .values({
      post_id: answer.id,
      body: 'Dobrze sprawdza się załącznik w trzech częściach:\n\n1. cele wspólne i rezultaty,\n2. tabela zadań z odpowiedzialnością i terminami,\n3. zasady ponoszenia kosztów.',
      written_by: answer.author_id,
      written_at: answer.created_at,
      replaced_at: edited,
    })
    .execute()
  await db
    .updateTable('community_posts')
    .set({ edited_at: edited, edited_by: answer.author_id })
    .where('id', '=', answer.id)
    .execute()
  if (!storage) return
  // With the annex's model attached, as the expert promised in the edit.
  const name = 'wzor-zalacznika-podzial-zadan.pdf'
  const stored = await storage.put(
    db,
    {
      bytes: await demoPdf(
        'Wzór załącznika: podział zadań w partnerstwie',
        'Cele wspólne i rezultaty. Tabela zadań z odpowiedzialnością i terminami. Zasady ponoszenia kosztów i odpowiedzialność za wskaźniki.',
        'pl',
      ),
      name,
    },
    { field: 'file', allowed: ['pdf'] },
  )
  await db
    .insertInto('community_attachments')
    .values({
      post_id: answer.id,
      file_hash: stored.hash,
      original_name: name,
      size_bytes: stored.sizeBytes,
      added_by: answer.author_id,
      created_at: edited,
    })
    .execute()
}

/**
 * The moderators' queue: a newcomer's first topic waiting for approval, and an advert for paid
 * courses posted in a topic on social clauses (published once, as a second post), flagged by a reader.
 */
async function seedModeration(db: Db, personId: (email: string) => string) {
  const forum = await db
    .selectFrom('community_forums')
    .select('id')
    .where('name_pl', '=', 'Współpraca ponadnarodowa')
    .executeTakeFirstOrThrow()
  const asked = momentOf(0, 9)
  const waiting = await db
    .insertInto('community_topics')
    .values({
      forum_id: forum.id,
      title: 'Partner for a youth exchange in Vienna?',
      lang: 'en',
      is_question: true,
      author_id: personId('lena.hofmann@demo.siatka.test'),
      created_at: asked,
      last_post_at: asked,
      post_count: 1,
      held: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('community_posts')
    .values({
      topic_id: waiting.id,
      author_id: personId('lena.hofmann@demo.siatka.test'),
      body: 'We are a youth centre in Vienna planning an Erasmus+ youth exchange on digital skills. Is anyone in Poland interested?',
      created_at: asked,
      state: 'held',
      held_reason: 'first_post',
    })
    .execute()
  const clauses = await db
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Klauzule społeczne w zamówieniach gminy – doświadczenia')
    .executeTakeFirstOrThrow()
  const advertised = momentOf(2, 16)
  const advert = await db
    .insertInto('community_posts')
    .values({
      topic_id: clauses.id,
      author_id: personId('dariusz.kwiatkowski@demo.siatka.test'),
      body: 'Oferujemy **szkolenia z pisania wniosków** z gwarancją dofinansowania! Pierwsza konsultacja gratis, zapisy pod numerem telefonu na naszej stronie.',
      created_at: advertised,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('community_topics')
    .set((eb) => ({
      post_count: eb('post_count', '+', 1),
      last_post_at: sql<Date>`greatest(last_post_at, ${advertised})`,
    }))
    .where('id', '=', clauses.id)
    .execute()
  await db
    .insertInto('community_post_flags')
    .values({
      post_id: advert.id,
      person_id: personId('magdalena.wisniewska@demo.siatka.test'),
      reason: 'Reklama płatnych szkoleń, nie ma związku z wątkiem.',
      created_at: momentOf(1, 10),
    })
    .execute()
}
