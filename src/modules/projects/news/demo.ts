// Demo: the FERS project's recent news and its documents (one public, one kept inside), and SIRES's
// news from its last year. Posts are dated on working days before today.
import { addDays, today } from '../../../kernel/dates.ts'
import { demoPdf } from '../../../kernel/demo.ts'
import { workingDayFrom } from '../../../kernel/holidays.ts'
import type { LocalStorage } from '../../../kernel/storage.ts'
import type { Db } from '../db.ts'

export async function seedNews(db: Db, storage?: LocalStorage) {
  const author = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'projekt@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const project = (acronym: string) =>
    db.selectFrom('projects').select('id').where('acronym', '=', acronym).executeTakeFirstOrThrow()
  const [sires, pswps] = await Promise.all([project('SIRES'), project('PSWPS')])
  const day = today()
  const posts = [
    {
      project_id: pswps.id,
      published_on: workingDayFrom(addDays(day, -12)),
      title: 'Wizyta studyjna w Tampere – relacja',
      body: 'Dwanaście osób z ośrodków wsparcia ekonomii społecznej poznało fińskie spółdzielnie socjalne i ich współpracę z gminami.\n\nNotatki z wizyty i prezentacje gospodarzy są w dokumentach projektu.',
    },
    {
      project_id: pswps.id,
      published_on: workingDayFrom(addDays(day, -40)),
      title: 'Nabór na drugą edycję warsztatów dla OWES',
      body: 'Zapraszamy pracowników ośrodków wsparcia ekonomii społecznej do udziału w warsztatach:\n\n- moduł 1: model fiński,\n- moduł 2: model hiszpański,\n- moduł 3: plan wdrożenia w regionie.\n\nRegulamin rekrutacji jest w dokumentach projektu.',
    },
    {
      project_id: pswps.id,
      published_on: workingDayFrom(addDays(day, -95)),
      title: 'Porozumienie z partnerem hiszpańskim podpisane',
      body: 'Partnerzy uzgodnili program wymiany doświadczeń na kolejne dwa lata.',
    },
    {
      project_id: sires.id,
      published_on: '2020-02-27',
      title: 'Konferencja podsumowująca projekt SIRES',
      body: 'W Warszawie przedstawiliśmy wyniki projektu: rekomendacje dla 16 regionów i model koordynacji polityk publicznych w obszarze ekonomii społecznej.',
    },
    {
      project_id: sires.id,
      published_on: '2019-06-12',
      title: 'Druga runda szkoleń regionalnych zakończona',
      body: 'Szkolenia odbyły się we wszystkich 16 województwach.',
    },
  ]
  await db
    .insertInto('project_news')
    .values(posts.map((p) => ({ ...p, created_by: author.id })))
    .execute()

  if (!storage) return
  const documents = [
    {
      title: 'Regulamin rekrutacji na warsztaty dla OWES',
      name: 'regulamin-rekrutacji.pdf',
      text: 'Zasady naboru uczestnikow warsztatow: kto moze sie zglosic, terminy, kryteria wyboru.',
      isPublic: true,
      daysAgo: 41,
    },
    {
      title: 'Umowa partnerska (skan)',
      name: 'umowa-partnerska.pdf',
      text: 'Umowa partnerska projektu PSWPS. Dokument wewnetrzny.',
      isPublic: false,
      daysAgo: 1090,
    },
  ]
  for (const d of documents) {
    const stored = await storage.put(
      db,
      { bytes: await demoPdf(d.title, d.text, 'pl'), name: d.name },
      { field: 'file', allowed: ['pdf'] },
    )
    await db
      .insertInto('project_documents')
      .values({
        project_id: pswps.id,
        title: d.title,
        file_hash: stored.hash,
        kind: stored.kind,
        size_bytes: stored.sizeBytes,
        original_name: d.name,
        is_public: d.isPublic,
        uploaded_by: author.id,
        uploaded_at: new Date(Date.now() - d.daysAgo * 86_400_000),
      })
      .execute()
  }
}
