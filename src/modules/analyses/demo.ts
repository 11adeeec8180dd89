// Demo analyses in the social-economy network, both from the demo expert: one in progress (ordered,
// its deadline ahead) and, when the demo has somewhere to keep files, one accepted earlier whose
// PDF is now a material of the network.

import { addDays, today } from '../../kernel/dates.ts'
import type { AppDb as Db } from '../../kernel/db.ts'
import { demoPdf } from '../../kernel/demo.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { addSpaceMaterial } from '../materials/service.ts'

const scopeInProgress = `Ekspertyza ma odpowiedzieć na pytania:

- ile spółdzielni socjalnych działa w regionie i jak zmieniała się ich liczba w latach 2020–2026,
- jakie bariery wskazują ich członkowie przy współpracy z samorządem,
- które rozwiązania z projektów partnerskich warto upowszechnić.

**Oczekiwany wynik:** raport (do 30 stron) z rekomendacjami dla sieci.`

const scopeAccepted = `Przegląd klauzul społecznych w zamówieniach publicznych gmin z regionu:

- jak często zamawiający je stosują,
- z jakim skutkiem dla przedsiębiorstw społecznych.`

export async function seedAnalyses(db: Db, storage?: LocalStorage) {
  const space = await db
    .selectFrom('spaces')
    .select(['id', 'secretary_id'])
    .where('name_pl', '=', 'KST ds. ekonomii społecznej')
    .executeTakeFirst()
  const expert = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'ekspert@demo.siatka.test')
    .executeTakeFirst()
  if (!space?.secretary_id || !expert) return
  const secretary = space.secretary_id
  const day = today()
  const ordered = new Date(`${addDays(day, -12)}T09:30:00Z`)
  await db
    .insertInto('analysis_orders')
    .values({
      space_id: space.id,
      title: 'Analiza potencjału spółdzielni socjalnych w regionie',
      scope: scopeInProgress,
      deadline: addDays(day, 30),
      budget_grosze: 1_250_000,
      expert_id: expert.id,
      contract_ref: 'Umowa nr 14/KST-ES/2026',
      ordered_by: secretary,
      ordered_at: ordered,
      updated_at: ordered,
    })
    .execute()

  if (!storage) return
  const stored = await storage.put(
    db,
    {
      bytes: await demoPdf(
        'Klauzule spoleczne w zamowieniach gmin',
        'Ekspertyza dla KST ds. ekonomii spolecznej. Wersja odebrana przez sekretariat.',
        'pl',
      ),
      name: 'klauzule-spoleczne.pdf',
    },
    { field: 'file', allowed: ['pdf'] },
  )
  const title = 'Klauzule społeczne w zamówieniach publicznych gmin'
  const who = { id: secretary, email: null, ip: null }
  const materialId = await addSpaceMaterial(db, who, {
    spaceId: space.id,
    title,
    language: 'pl',
    stored,
    originalName: 'klauzule-spoleczne.pdf',
    uploadedBy: expert.id,
    createdBy: secretary,
  })
  const orderedEarlier = new Date(`${addDays(day, -95)}T09:00:00Z`)
  const delivered = new Date(`${addDays(day, -50)}T15:20:00Z`)
  const accepted = new Date(`${addDays(day, -47)}T11:00:00Z`)
  const order = await db
    .insertInto('analysis_orders')
    .values({
      space_id: space.id,
      title,
      scope: scopeAccepted,
      deadline: addDays(day, -48),
      budget_grosze: 860_000,
      expert_id: expert.id,
      contract_ref: 'Umowa nr 9/KST-ES/2026',
      status: 'accepted',
      material_id: materialId,
      ordered_by: secretary,
      ordered_at: orderedEarlier,
      updated_at: accepted,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('analysis_deliveries')
    .values({
      order_id: order.id,
      version: 1,
      file_hash: stored.hash,
      kind: stored.kind,
      size_bytes: stored.sizeBytes,
      original_name: 'klauzule-spoleczne.pdf',
      note: 'W załączniku tabela z wynikami ankiety wśród gmin.',
      delivered_by: expert.id,
      delivered_at: delivered,
      review: 'accepted',
      review_comment: 'Dziękujemy, przedstawimy wnioski na najbliższym posiedzeniu.',
      reviewed_by: secretary,
      reviewed_at: accepted,
    })
    .execute()
}
