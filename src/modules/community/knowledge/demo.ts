// The knowledge base's demo: fifteen articles in the five sections, written by the coordinator and
// the expert, three in Polish and English linked to each other, some changed since (their versions
// kept), one draft; related forum topics; readers' answers to "was this helpful".
import type { Db } from '../db.ts'
import type { ArticleSection } from '../tables.ts'

interface DemoArticle {
  key: string
  section: ArticleSection
  lang: 'pl' | 'en'
  by: 'koordynator@demo.siatka.test' | 'ekspert@demo.siatka.test'
  title: string
  body: string
  /** An earlier version: the article was changed since. */
  earlier?: { body: string; note: string }
  /** The key of the same article in the other language. */
  translation?: string
  published?: false
  /** Titles of forum topics it relates to. */
  topics?: string[]
  helpful?: [yes: number, no: number]
}

const articles: DemoArticle[] = [
  {
    key: 'start-pl',
    section: 'starting',
    lang: 'pl',
    by: 'koordynator@demo.siatka.test',
    title: 'Współpraca ponadnarodowa w EFS+: od czego zacząć',
    translation: 'start-en',
    body: `Współpraca ponadnarodowa to wspólna praca z partnerem z innego kraju nad tym samym problemem: wymiana doświadczeń, wspólne wypracowanie rozwiązania albo przeniesienie sprawdzonego modelu do Polski.

## Trzy pierwsze kroki

1. **Nazwij problem**, który chcesz rozwiązać, i to, czego brakuje w Polsce.
2. **Sprawdź, kto za granicą** już się z nim zmierzył: bazy projektów, sieci tematyczne, forum społeczności.
3. **Ustal z partnerem**, co każda strona wnosi i co zyskuje – zanim zaczniecie pisać wniosek.

Partner zagraniczny nie musi być finansowany z projektu: często pokrywa swoje koszty sam albo z własnego programu.`,
    earlier: {
      body: `Współpraca ponadnarodowa to wspólna praca z partnerem z innego kraju nad tym samym problemem.

## Pierwsze kroki

1. Nazwij problem.
2. Znajdź partnera.
3. Napisz wniosek.`,
      note: 'Pierwsza wersja',
    },
    topics: ['Jak opisać podział zadań w umowie o współpracy ponadnarodowej?'],
    helpful: [14, 1],
  },
  {
    key: 'start-en',
    section: 'starting',
    lang: 'en',
    by: 'koordynator@demo.siatka.test',
    title: 'Transnational cooperation in ESF+: where to start',
    translation: 'start-pl',
    body: `Transnational cooperation means working with a partner from another country on the same problem: exchanging experience, developing a solution together, or bringing a proven model home.

## The first three steps

1. **Name the problem** you want to solve and what is missing at home.
2. **Find out who abroad** has already tackled it: project databases, thematic networks, the community forum.
3. **Agree with the partner** what each side brings and gains, before you start writing the application.

A foreign partner need not be funded by your project: it often covers its own costs or uses its own programme.`,
    helpful: [6, 0],
  },
  {
    key: 'agreement',
    section: 'starting',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Umowa o współpracy ponadnarodowej: co musi się w niej znaleźć',
    body: `Umowa (porozumienie) o współpracy ponadnarodowej opisuje:

- **cele wspólne** i rezultaty, które partnerzy chcą osiągnąć,
- **podział zadań** – kto odpowiada, kto uczestniczy, w jakim terminie,
- **zasady ponoszenia kosztów** – każdy koszt po stronie jednego partnera,
- **język umowy** i sposób rozwiązywania sporów,
- zasady korzystania z **wspólnie wypracowanych produktów**.

Dobrym zwyczajem jest tabela zadań jako załącznik: łatwo ją zmienić aneksem bez zmiany całej umowy.`,
    topics: [
      'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?',
      'Which language should the cooperation agreement be in?',
    ],
    helpful: [9, 0],
  },
  {
    key: 'find-pl',
    section: 'partners',
    lang: 'pl',
    by: 'koordynator@demo.siatka.test',
    title: 'Jak znaleźć partnera za granicą',
    translation: 'find-en',
    body: `Partnera najłatwiej znaleźć tam, gdzie szukają inni:

- **wyszukiwarka partnerów w Siatce** – zaznacz temat, kraj i rodzaj organizacji; każdy wynik mówi, które warunki spełnia;
- **ogłoszenia o poszukiwaniu partnera** – opublikuj własne, z terminem ważności;
- **sieci tematyczne i spotkania brokerskie** organizowane przez instytucje zarządzające.

Napisz do organizacji przez Siatkę: Twój adres e-mail pozostanie ukryty, dopóki go nie pokażesz.`,
    earlier: {
      body: `Partnera najłatwiej znaleźć w wyszukiwarce partnerów i na spotkaniach brokerskich.`,
      note: 'Pierwsza wersja',
    },
    helpful: [11, 2],
  },
  {
    key: 'find-en',
    section: 'partners',
    lang: 'en',
    by: 'koordynator@demo.siatka.test',
    title: 'How to find a partner abroad',
    translation: 'find-pl',
    body: `Partners are easiest to find where others look:

- **Siatka's partner search** – tick a theme, a country and a kind of organisation; each result says which criteria it meets;
- **partner requests** – publish your own, with a closing date;
- **thematic networks and brokerage events** run by managing authorities.

Write to an organisation through Siatka: your email address stays hidden until you choose to show it.`,
    topics: ['Looking for a Polish partner for a youth employment pilot'],
    helpful: [4, 0],
  },
  {
    key: 'first-contact',
    section: 'partners',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Pierwsza wiadomość do potencjalnego partnera',
    body: `W pierwszej wiadomości napisz krótko:

1. kim jesteście i z czym pracujecie,
2. jaki problem chcecie rozwiązać i dlaczego właśnie z nimi,
3. do jakiego programu i naboru się przymierzacie, z terminem,
4. czego oczekujecie i co możecie dać w zamian.

Zaproponuj krótką rozmowę online. Odpowiedź w ciągu dwóch tygodni to dobry wynik – przypomnij się uprzejmie po tym czasie.`,
    helpful: [7, 1],
  },
  {
    key: 'budget-pl',
    section: 'budgeting',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Koszty współpracy ponadnarodowej w budżecie projektu',
    translation: 'budget-en',
    body: `Typowe koszty współpracy ponadnarodowej po stronie polskiego partnera to:

| Koszt | Uwagi |
| --- | --- |
| podróże i noclegi | według stawek z regulaminu podróży |
| tłumaczenia | pisemne i ustne, także symultaniczne |
| organizacja spotkań | sala, catering, materiały |
| adaptacja rozwiązania | ekspertyzy, testowanie |

Każdy koszt musi być **niezbędny do osiągnięcia celu** i przypisany jednemu partnerowi. Koszty partnera zagranicznego zwykle nie przechodzą przez budżet polskiego projektu.`,
    earlier: {
      body: `Typowe koszty to podróże, tłumaczenia i spotkania. Każdy koszt musi być niezbędny.`,
      note: 'Pierwsza wersja',
    },
    topics: ['Czy koszty tłumaczeń symultanicznych są kwalifikowalne?'],
    helpful: [12, 3],
  },
  {
    key: 'budget-en',
    section: 'budgeting',
    lang: 'en',
    by: 'ekspert@demo.siatka.test',
    title: 'Costs of transnational cooperation in the project budget',
    translation: 'budget-pl',
    body: `Typical costs of transnational cooperation on the Polish partner's side are travel and accommodation, translation and interpreting, organising meetings, and adapting the solution (studies, piloting).

Each cost must be **necessary to reach the project's goal** and belong to one partner only. The foreign partner's costs do not usually pass through the Polish project's budget.`,
    helpful: [3, 0],
  },
  {
    key: 'own-contribution',
    section: 'budgeting',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Wkład własny niepieniężny: praca wolontariuszy i udostępnione sale',
    body: `Wkład własny może być **niepieniężny**: praca wolontariuszy, udostępnienie sali albo sprzętu.

- Pracę wolontariusza wycenia się według stawki rynkowej za taką pracę i dokumentuje porozumieniem oraz kartą czasu pracy.
- Salę wycenia się według cennika lub stawek rynkowych; potwierdza ją oświadczenie właściciela.

Wkład niepieniężny nie może być wcześniej współfinansowany ze środków publicznych.`,
    topics: ['Czy koszty tłumaczeń symultanicznych są kwalifikowalne?'],
    helpful: [8, 0],
  },
  {
    key: 'indicators',
    section: 'reporting',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Wskaźniki rezultatu: jak je mierzyć i wykazywać',
    body: `Wskaźnik rezultatu mówi, **co zmieniło się u uczestników** dzięki projektowi – nie ile działań przeprowadzono.

1. Ustal, kiedy i jak zbierzesz dane (np. do czterech tygodni po zakończeniu udziału).
2. Zbieraj dokumenty potwierdzające: certyfikaty, umowy o pracę, oświadczenia.
3. Wykazuj wartość narastająco we wnioskach o płatność.

Uczestnik, który przerwał udział, liczy się do wskaźnika, jeśli osiągnął rezultat.`,
    topics: [
      'Jak wykazać wskaźnik „liczba osób, które uzyskały kwalifikacje”?',
      'Reporting indicators when participants leave early',
    ],
    helpful: [10, 1],
  },
  {
    key: 'payment-claim',
    section: 'reporting',
    lang: 'pl',
    by: 'koordynator@demo.siatka.test',
    title: 'Wniosek o płatność w projekcie z partnerem zagranicznym',
    body: `We wniosku o płatność opisz postęp współpracy ponadnarodowej tak samo jak innych zadań: co zrobiono, z kim, jakim kosztem.

Dołącz **listy obecności, programy spotkań i notatki** z wizyt studyjnych. Dokumenty po angielsku zwykle wystarczą – instytucja może poprosić o tłumaczenie kluczowych fragmentów.`,
    helpful: [5, 1],
  },
  {
    key: 'reporting-en',
    section: 'reporting',
    lang: 'en',
    by: 'koordynator@demo.siatka.test',
    title: 'Reporting a study visit',
    body: `A study visit's report says who took part, what they saw, what they learnt and what they will use at home.

Keep the programme, the list of participants and photographs as evidence. One to two pages are enough.`,
    helpful: [2, 0],
  },
  {
    key: 'eligibility',
    section: 'esf_rules',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Kwalifikowalność wydatków: najważniejsze zasady',
    body: `Wydatek jest kwalifikowalny, gdy:

- został poniesiony w okresie kwalifikowalności projektu,
- jest niezbędny do realizacji projektu i przewidziany w budżecie,
- jest racjonalny i efektywny,
- jest udokumentowany i zgodny z prawem,
- nie jest podwójnie finansowany.

Przy wątpliwościach zapytaj instytucję pośredniczącą **przed** poniesieniem wydatku – pisemna odpowiedź chroni przed korektą.`,
    helpful: [15, 2],
  },
  {
    key: 'equality',
    section: 'esf_rules',
    lang: 'pl',
    by: 'koordynator@demo.siatka.test',
    title: 'Zasada równości szans i dostępności w projekcie',
    body: `Każdy projekt EFS+ musi być dostępny dla osób z niepełnosprawnościami i uwzględniać równość kobiet i mężczyzn.

W praktyce: dostępne sale i materiały, tłumacz języka migowego na życzenie, racjonalne usprawnienia w budżecie oraz dane o uczestnikach z podziałem na płeć.`,
    helpful: [6, 0],
  },
  {
    key: 'state-aid',
    section: 'esf_rules',
    lang: 'pl',
    by: 'ekspert@demo.siatka.test',
    title: 'Pomoc publiczna w projektach ekonomii społecznej',
    published: false,
    body: `Szkic: kiedy wsparcie dla przedsiębiorstwa społecznego jest pomocą publiczną, pomoc de minimis, zaświadczenia.`,
  },
]

export async function seedKnowledge(db: Db, personId: (email: string) => string) {
  const topics = new Map(
    (await db.selectFrom('community_topics').select(['id', 'title']).execute()).map((t) => [t.title, t.id]),
  )
  const ids = new Map<string, string>()
  const day = 86_400_000
  for (const [i, a] of articles.entries()) {
    const author = personId(a.by)
    const created = new Date(Date.now() - (120 - i * 5) * day)
    const changed = a.earlier ? new Date(created.getTime() + 20 * day) : created
    const row = await db
      .insertInto('community_articles')
      .values({
        section: a.section,
        lang: a.lang,
        title: a.title,
        body: a.body,
        published: a.published ?? true,
        version: a.earlier ? 2 : 1,
        created_by: author,
        created_at: created,
        updated_at: changed,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.set(a.key, row.id)
    await db
      .insertInto('community_article_versions')
      .values([
        ...(a.earlier
          ? [
              {
                article_id: row.id,
                version: 1,
                title: a.title,
                body: a.earlier.body,
                note: a.earlier.note,
                author_id: author,
                created_at: created,
              },
            ]
          : []),
        {
          article_id: row.id,
          version: a.earlier ? 2 : 1,
          title: a.title,
          body: a.body,
          note: a.earlier ? (a.lang === 'pl' ? 'Rozszerzono o przykłady' : 'Examples added') : '',
          author_id: author,
          created_at: changed,
        },
      ])
      .execute()
    const related = (a.topics ?? []).map((t) => topics.get(t)).filter((id): id is string => !!id)
    if (related.length)
      await db
        .insertInto('community_article_topics')
        .values(related.map((topic_id) => ({ article_id: row.id, topic_id })))
        .execute()
    const [yes, no] = a.helpful ?? [0, 0]
    const answers = [...Array(yes).fill(true), ...Array(no).fill(false)] as boolean[]
    if (answers.length)
      await db
        .insertInto('community_article_feedback')
        .values(
          answers.map((helpful, n) => ({
            article_id: row.id,
            person_id: null,
            helpful,
            created_at: new Date(changed.getTime() + (n + 1) * 3_600_000),
          })),
        )
        .execute()
  }
  for (const a of articles)
    if (a.translation)
      await db
        .updateTable('community_articles')
        .set({ translation_id: ids.get(a.translation) ?? null })
        .where('id', '=', ids.get(a.key) as string)
        .execute()
}
