import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'
import { formatMoney } from './rules.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

// Real, small files: their kind is read from these bytes.
const pdf = (text = 'Ekspertyza') =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** A network with its secretary signed in, an expert with an account, and a member of the network. */
async function givenNetwork() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const expert = await givenPerson(db(), { role: 'expert', name: 'Ewa Ekspertka' })
  const member = await givenPerson(db(), { name: 'Marek Członek' })
  await givenMember(db(), space.id, member.id)
  const secretary = await signedIn(h.app, sec.email)
  return { sec, space, expert, member, secretary, base: `/spaces/${space.id}/analyses` }
}

const order = (expertId: string, extra: Record<string, string> = {}) => ({
  title: 'Analiza potencjału spółdzielni socjalnych',
  scope: 'Ile spółdzielni działa w regionie?\n\n- bariery\n- rekomendacje',
  deadline: addDays(today(), 30),
  budget: '12 500,50',
  expertId,
  contractRef: 'Umowa nr 12/KST/2026',
  ...extra,
})

/** An order placed through the form; its id. */
async function givenOrder(n: Awaited<ReturnType<typeof givenNetwork>>, extra: Record<string, string> = {}) {
  await n.secretary.get(`${n.base}/new`)
  const res = await n.secretary.post(`${n.base}/new`, order(n.expert.id, extra))
  assert.equal(res.statusCode, 303, 'the order is placed')
  return String(res.headers.location).split('/').pop() as string
}

async function statusOf(id: string) {
  return await db()
    .selectFrom('analysis_orders')
    .select(['status', 'material_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The expert signed in, on their order's page, uploading a file. */
async function deliver(email: string, id: string, file: { name: string; bytes: Buffer }, note = '') {
  const expert = await signedIn(h.app, email)
  await expert.get(`/analyses/${id}`)
  return expert.upload(`/analyses/${id}/deliveries`, { note }, { file })
}

test('an order with a nonsense budget, a past deadline and no expert is refused next to each field, typed values kept', async () => {
  const n = await givenNetwork()
  const form = await n.secretary.get(`${n.base}/new`)
  assert.equal(form.statusCode, 200)
  // Experts come first in the choice of people.
  assert.match(
    form.body,
    /<option value="" selected>Wybierz osobę<\/option><option value="[^"]+">[^<]*– ekspert<\/option>/,
  )
  const res = await n.secretary.post(
    `${n.base}/new`,
    order('', { budget: 'dwanaście tysięcy', deadline: addDays(today(), -1) }),
  )
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /id="field-budget-error"[\s\S]*Wpisz kwotę w złotych, np\. 12 500 albo 12 500,50/)
  assert.match(res.body, /id="field-expertId-error"[\s\S]*Wybierz eksperta z listy/)
  assert.match(res.body, /value="dwanaście tysięcy"/)
  assert.match(res.body, /value="Analiza potencjału spółdzielni socjalnych"/)
  assert.match(res.body, /value="Umowa nr 12\/KST\/2026"/)

  const negative = await n.secretary.post(`${n.base}/new`, order(n.expert.id, { budget: '-500' }))
  assert.equal(negative.statusCode, 422)
  assert.match(negative.body, /id="field-budget-error"[\s\S]*Kwota musi być większa od zera/)
  assert.match(negative.body, /value="-500"/)

  const past = await n.secretary.post(`${n.base}/new`, order(n.expert.id, { deadline: addDays(today(), -1) }))
  assert.equal(past.statusCode, 422)
  assert.match(past.body, /id="field-deadline-error"[\s\S]*Termin nie może minąć/)
  const none = await db()
    .selectFrom('analysis_orders')
    .select('id')
    .where('space_id', '=', n.space.id)
    .execute()
  assert.equal(none.length, 0, 'nothing was ordered')
})

test('the secretary orders an analysis; the expert is notified, a wrong file type is refused and a PDF delivered', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  const page = await n.secretary.get(`${n.base}/${id}`)
  assert.match(page.body, /Zlecono ekspertyzę\./)
  assert.match(page.body, /12\s500,50\s*zł/)
  assert.match(page.body, /<li>bariery<\/li>/, 'the scope is Markdown')
  const row = await db()
    .selectFrom('analysis_orders')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  assert.equal(row.budget_grosze, 1_250_050, 'kept in grosze')
  assert.equal(row.status, 'ordered')
  const told = await db()
    .selectFrom('notifications')
    .select(['kind', 'link'])
    .where('person_id', '=', n.expert.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(told, { kind: 'analysisOrdered', link: `/analyses/${id}` })

  const expert = await signedIn(h.app, n.expert.email)
  const mine = await expert.get('/analyses/mine')
  assert.match(mine.body, new RegExp(`href="/analyses/${id}"`))
  const own = await expert.get(`/analyses/${id}`)
  assert.equal(own.statusCode, 200)
  assert.match(own.body, /enctype="multipart\/form-data"/)
  const image = await expert.upload(
    `/analyses/${id}/deliveries`,
    { note: 'Wersja robocza' },
    {
      file: { name: 'wykres.png', bytes: png },
    },
  )
  assert.equal(image.statusCode, 422)
  assert.match(image.body, /id="field-file-error"/)
  assert.match(image.body, /Wersja robocza/, 'the note is kept')
  const disguised = await expert.upload(
    `/analyses/${id}/deliveries`,
    {},
    {
      file: { name: 'raport.pdf', bytes: png },
    },
  )
  assert.equal(disguised.statusCode, 422)
  assert.equal((await statusOf(id)).status, 'ordered')

  const sent = await expert.upload(
    `/analyses/${id}/deliveries`,
    { note: 'Raport końcowy' },
    {
      file: { name: 'raport.pdf', bytes: pdf() },
    },
  )
  assert.equal(sent.statusCode, 303)
  assert.equal((await statusOf(id)).status, 'delivered')
  const secretaryTold = await db()
    .selectFrom('notifications')
    .select(['kind', 'link'])
    .where('person_id', '=', n.sec.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(secretaryTold, { kind: 'analysisDelivered', link: `${n.base}/${id}` })
  const history = await n.secretary.get(`${n.base}/${id}`)
  assert.match(history.body, /Raport końcowy/)
  assert.match(history.body, /Odbierz ekspertyzę/)
  const file = /href="([^"]+\/deliveries\/[^"]+)"/.exec(history.body)?.[1]
  assert.ok(file, 'the delivery can be downloaded')
  const download = await n.secretary.get(file)
  assert.equal(download.headers['content-type'], 'application/pdf')
  assert.deepEqual(download.rawPayload, pdf())
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', id)
    .orderBy('at')
    .execute()
  assert.deepEqual(
    audited.map((a) => a.action),
    ['analyses.ordered', 'analyses.delivered'],
  )
})

test('another expert, or a member of the network, learns nothing of someone else’s order', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  const other = await givenPerson(db(), { role: 'expert' })
  const stranger = await signedIn(h.app, other.email)
  assert.equal((await stranger.get(`/analyses/${id}`)).statusCode, 404)
  assert.doesNotMatch((await stranger.get('/analyses/mine')).body, new RegExp(id))
  await stranger.get('/analyses/mine')
  const upload = await stranger.upload(
    `/analyses/${id}/deliveries`,
    {},
    { file: { name: 'a.pdf', bytes: pdf() } },
  )
  assert.equal(upload.statusCode, 404)
  assert.equal((await statusOf(id)).status, 'ordered')
  // The expert is no member of the network: its pages do not exist for them.
  const expert = await signedIn(h.app, n.expert.email)
  assert.equal((await expert.get(`${n.base}/${id}`)).statusCode, 404)
  // A member reads the network but not its orders.
  const member = await signedIn(h.app, n.member.email)
  const list = await member.get(n.base)
  assert.equal(list.statusCode, 200)
  assert.doesNotMatch(list.body, /Analiza potencjału/)
  assert.doesNotMatch(list.body, /\d\s?zł/, 'no budgets for members')
  assert.equal((await member.get(`${n.base}/${id}`)).statusCode, 403)
  assert.equal((await member.get('/analyses')).statusCode, 403)
})

test('accepting the delivery makes it a material of the network, which its members download', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  assert.equal(
    (await deliver(n.expert.email, id, { name: 'raport.pdf', bytes: pdf('Odbiór') })).statusCode,
    303,
  )
  await n.secretary.get(`${n.base}/${id}`)
  const accepted = await n.secretary.post(`${n.base}/${id}/review`, { decision: 'accept', comment: '' })
  assert.equal(accepted.statusCode, 303)
  const { status, material_id } = await statusOf(id)
  assert.equal(status, 'accepted')
  assert.ok(material_id, 'the order is linked to its material')
  const material = await db()
    .selectFrom('materials')
    .select(['space_id', 'meeting_id', 'title', 'visibility'])
    .where('id', '=', material_id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(material, {
    space_id: n.space.id,
    meeting_id: null,
    title: 'Analiza potencjału spółdzielni socjalnych',
    visibility: 'members',
  })
  const page = await n.secretary.get(`${n.base}/${id}`)
  assert.match(page.body, /Odebrano ekspertyzę\. Jest teraz materiałem sieci\./)
  assert.doesNotMatch(page.body, /Odbierz ekspertyzę/)
  assert.doesNotMatch(page.body, /action="[^"]+\/cancel"/, 'an accepted order cannot be cancelled')

  const member = await signedIn(h.app, n.member.email)
  const list = await member.get(n.base)
  assert.match(list.body, new RegExp(`href="/spaces/${n.space.id}/materials/${material_id}"`))
  const materialPage = await member.get(`/spaces/${n.space.id}/materials/${material_id}`)
  assert.equal(materialPage.statusCode, 200)
  const file = /href="([^"]+\/files\/[^"]+)"/.exec(materialPage.body)?.[1]
  assert.ok(file, 'the material has its file')
  const download = await member.get(file)
  assert.equal(download.statusCode, 200)
  assert.deepEqual(download.rawPayload, pdf('Odbiór'))

  const expertTold = await db()
    .selectFrom('notifications')
    .select('kind')
    .where('person_id', '=', n.expert.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  assert.equal(expertTold.kind, 'analysisAccepted')
  const again = await n.secretary.post(`${n.base}/${id}/review`, { decision: 'accept', comment: '' })
  assert.equal(again.statusCode, 422, 'accepted once')
})

test('asking for changes needs a comment; the expert then delivers a second version', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  await deliver(n.expert.email, id, { name: 'raport.pdf', bytes: pdf('v1') })
  await n.secretary.get(`${n.base}/${id}`)
  const bare = await n.secretary.post(`${n.base}/${id}/review`, { decision: 'changes', comment: '' })
  assert.equal(bare.statusCode, 422)
  assert.match(bare.body, /id="field-comment-error"[\s\S]*Napisz, co ekspert ma poprawić/)
  const asked = await n.secretary.post(`${n.base}/${id}/review`, {
    decision: 'changes',
    comment: 'Proszę dodać rekomendacje dla gmin.',
  })
  assert.equal(asked.statusCode, 303)
  assert.equal((await statusOf(id)).status, 'changes_requested')
  const told = await db()
    .selectFrom('notifications')
    .select('kind')
    .where('person_id', '=', n.expert.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  assert.equal(told.kind, 'analysisChangesRequested')

  const expert = await signedIn(h.app, n.expert.email)
  const page = await expert.get(`/analyses/${id}`)
  assert.match(page.body, /Proszę dodać rekomendacje dla gmin\./)
  assert.match(page.body, /Prześlij poprawioną ekspertyzę/)
  const second = await expert.upload(
    `/analyses/${id}/deliveries`,
    {},
    { file: { name: 'raport-v2.pdf', bytes: pdf('v2') } },
  )
  assert.equal(second.statusCode, 303)
  assert.equal((await statusOf(id)).status, 'delivered')
  const versions = await db()
    .selectFrom('analysis_deliveries')
    .select(['version', 'review'])
    .where('order_id', '=', id)
    .orderBy('version')
    .execute()
  assert.deepEqual(versions, [
    { version: 1, review: 'changes_requested' },
    { version: 2, review: null },
  ])
  // A delivery waits for its review: no third upload meanwhile.
  const third = await expert.upload(
    `/analyses/${id}/deliveries`,
    {},
    { file: { name: 'raport-v3.pdf', bytes: pdf('v3') } },
  )
  assert.equal(third.statusCode, 422)
})

test('a cancelled order refuses uploads and cannot be cancelled twice', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  await n.secretary.get(`${n.base}/${id}`)
  const noReason = await n.secretary.post(`${n.base}/${id}/cancel`, { reason: '' })
  assert.equal(noReason.statusCode, 422)
  assert.match(noReason.body, /id="field-reason-error"/)
  const cancelled = await n.secretary.post(`${n.base}/${id}/cancel`, { reason: 'Zmiana planu pracy sieci' })
  assert.equal(cancelled.statusCode, 303)
  assert.equal((await statusOf(id)).status, 'cancelled')
  const refused = await deliver(n.expert.email, id, { name: 'raport.pdf', bytes: pdf() })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-file-error"[\s\S]*To zlecenie nie przyjmuje teraz plików/)
  assert.equal(
    (await db().selectFrom('analysis_deliveries').select('id').where('order_id', '=', id).execute()).length,
    0,
  )
  const twice = await n.secretary.post(`${n.base}/${id}/cancel`, { reason: 'Jeszcze raz' })
  assert.equal(twice.statusCode, 422)
  const entry = await db()
    .selectFrom('audit_log')
    .select('details')
    .where('subject_id', '=', id)
    .where('action', '=', 'analyses.cancelled')
    .executeTakeFirstOrThrow()
  assert.equal((entry.details as { reason: string }).reason, 'Zmiana planu pracy sieci')
})

test('the secretariat’s list sums every order the filter selects, not only the page, and only of the spaces a secretary services', async () => {
  const n = await givenNetwork()
  const otherSpace = await givenSpace(db(), {})
  const rows = (
    spaceId: string,
    count: number,
    status: 'ordered' | 'cancelled' | 'delivered',
    grosze: number,
  ) =>
    Array.from({ length: count }, (_, i) => ({
      space_id: spaceId,
      title: `Ekspertyza ${status} ${i + 1}`,
      scope: 'Zakres',
      deadline: status === 'ordered' && i === 0 ? addDays(today(), -3) : addDays(today(), 10),
      budget_grosze: grosze,
      expert_id: n.expert.id,
      contract_ref: `Umowa ${i}`,
      status,
      ordered_by: n.sec.id,
      updated_at: new Date(),
    }))
  await db()
    .insertInto('analysis_orders')
    .values([
      ...rows(n.space.id, 24, 'ordered', 100_000),
      ...rows(n.space.id, 2, 'delivered', 250_000),
      ...rows(n.space.id, 3, 'cancelled', 999_900),
      ...rows(otherSpace.id, 1, 'ordered', 5_000_000),
    ])
    .execute()
  const list = await n.secretary.get('/analyses')
  assert.equal(list.statusCode, 200)
  const money = (grosze: number) => formatMoney(grosze, 'pl').replace(/\s/g, '\\s')
  // 29 orders of the secretary's network: 24 × 1000 zł + 2 × 2500 zł committed, all of it in progress.
  assert.match(list.body, /Liczba zleceń<\/dt><dd class="govuk-summary-list__value">29</)
  assert.match(
    list.body,
    new RegExp(
      `Budżet zleceń \\(bez anulowanych\\)</dt><dd class="govuk-summary-list__value">${money(2_900_000)}<`,
    ),
  )
  assert.match(
    list.body,
    new RegExp(`W tym w toku</dt><dd class="govuk-summary-list__value">${money(2_900_000)}<`),
  )
  assert.match(list.body, new RegExp(`W tym odebrane</dt><dd class="govuk-summary-list__value">${money(0)}<`))
  assert.equal((list.body.match(/<tr class="govuk-table__row">/g) ?? []).length, 1 + 25, 'a page of 25')
  assert.match(list.body, /rel="next"/)
  assert.doesNotMatch(list.body, /50\s000,00/, 'another secretary’s network is not theirs')

  const cancelled = await n.secretary.get('/analyses?status=cancelled')
  assert.match(cancelled.body, /Liczba zleceń<\/dt><dd class="govuk-summary-list__value">3</)
  assert.match(
    cancelled.body,
    new RegExp(`Budżet zleceń \\(bez anulowanych\\)</dt><dd class="govuk-summary-list__value">${money(0)}<`),
  )
  const late = await n.secretary.get('/analyses?status=late')
  assert.match(late.body, /Liczba zleceń<\/dt><dd class="govuk-summary-list__value">1</)
  assert.match(late.body, /Ekspertyza ordered 1<\/a>/)
  assert.match(late.body, /3 dni po terminie/)

  // The coordinator services every space: the other network's order counts too.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const all = await coordinator.get('/analyses?status=ordered')
  assert.match(all.body, /Ekspertyza ordered 1<\/a>/)
  const space = await n.secretary.get(`${n.base}?status=delivered`)
  assert.match(space.body, /Liczba zleceń<\/dt><dd class="govuk-summary-list__value">2</)
  assert.match(
    space.body,
    new RegExp(`W tym w toku</dt><dd class="govuk-summary-list__value">${money(500_000)}<`),
  )
})

test('the demo has an analysis in progress, ordered from the demo expert', async () => {
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  const mine = await expert.get('/analyses/mine')
  assert.match(mine.body, /Analiza potencjału spółdzielni socjalnych w regionie/)
  assert.match(mine.body, /Zlecona/)
  const secretary = await signedIn(h.app, 'sekretarz@demo.siatka.test')
  const list = await secretary.get('/analyses')
  assert.match(list.body, /Analiza potencjału spółdzielni socjalnych w regionie/)
})

test('an analysis is ordered from an expert or someone with a seat, never from any account', async () => {
  const n = await givenNetwork()
  const authority = await givenPerson(db(), { role: 'managing_authority', name: 'Irena Zarządzająca' })
  const stranger = await givenPerson(db(), { name: 'Teresa Obca' })
  const form = (await n.secretary.get(`${n.base}/new`)).body
  const options = form.slice(
    form.indexOf('name="expertId"'),
    form.indexOf('</select>', form.indexOf('name="expertId"')),
  )
  assert.match(options, new RegExp(`value="${n.expert.id}"`), 'the expert')
  assert.match(options, new RegExp(`value="${n.member.id}"`), 'a member of the network')
  assert.doesNotMatch(options, new RegExp(`value="${authority.id}"`), 'not the managing authority')
  assert.doesNotMatch(options, new RegExp(`value="${stranger.id}"`), 'not someone from outside')
  assert.ok(options.indexOf(n.expert.id) < options.indexOf(n.member.id), 'experts come first')
  // Sent anyway, it is refused beside the field, with what was typed kept.
  const refused = await n.secretary.post(`${n.base}/new`, order(authority.id))
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /Wybierz eksperta z listy/)
  assert.match(refused.body, /Analiza potencjału spółdzielni socjalnych/)
})

test('the expert’s page speaks to the expert; the secretary following its address reaches the order in the space', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  const expert = await signedIn(h.app, n.expert.email)
  const own = (await expert.get(`/analyses/${id}`)).body
  assert.match(own, /Nie przesłano jeszcze żadnej wersji ekspertyzy\./)
  assert.doesNotMatch(own, /Ekspert nie przekazał/)
  const followed = await n.secretary.get(`/analyses/${id}`)
  assert.equal(followed.statusCode, 303)
  assert.equal(followed.headers.location, `${n.base}/${id}`)
  assert.match((await n.secretary.get(`${n.base}/${id}`)).body, /Ekspert nie przekazał jeszcze ekspertyzy\./)
  // A member of the network learns nothing from it.
  const member = await signedIn(h.app, n.member.email)
  assert.equal((await member.get(`/analyses/${id}`)).statusCode, 404)
})

test('the managing authority reads every order and its sums, and acts on none', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  const list = await authority.get('/analyses')
  assert.equal(list.statusCode, 200)
  assert.match(list.body, /Analiza potencjału spółdzielni socjalnych/)
  assert.match(list.body, /12\s500,50\s?zł/)
  const page = await authority.get(`${n.base}/${id}`)
  assert.equal(page.statusCode, 200)
  assert.doesNotMatch(page.body, /action="[^"]*\/(review|cancel)"/, 'no forms it could not send')
  assert.doesNotMatch((await authority.get(n.base)).body, new RegExp(`href="${n.base}/new"`))
  assert.equal((await authority.post(`${n.base}/${id}/cancel`, { reason: 'Nie' })).statusCode, 403)
})

test('the start page tells the expert what to deliver, and the secretary what waits for review', async () => {
  const n = await givenNetwork()
  const id = await givenOrder(n)
  const expert = await signedIn(h.app, n.expert.email)
  assert.match((await expert.get('/')).body, /href="\/analyses\/mine">Ekspertyzy do przekazania: 1</)
  assert.equal((await deliver(n.expert.email, id, { name: 'raport.pdf', bytes: pdf() })).statusCode, 303)
  assert.doesNotMatch((await expert.get('/')).body, /Ekspertyzy do przekazania/)
  assert.match(
    (await n.secretary.get('/')).body,
    /href="\/analyses\?status=delivered">Ekspertyzy przekazane do oceny: 1</,
  )
})
