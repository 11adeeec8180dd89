// Issue 11, defect 1: a published network's page shows a visitor its meetings (coming and held),
// the materials made public, and its decisions from approved minutes; nothing members keep to
// themselves, and nothing of a cancelled meeting or of minutes not yet approved.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { givenMaterialWithFile, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { addDays, today, warsawInstant } from '../../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

async function givenMeeting(
  spaceId: string,
  by: string,
  p: { day: string; number: number; subject: string; told?: boolean; cancelled?: boolean },
) {
  return db()
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: Number(p.day.slice(0, 4)),
      number: p.number,
      subject: p.subject,
      starts_at: warsawInstant(p.day, '10:00'),
      ends_at: warsawInstant(p.day, '14:00'),
      place: 'Centrum Partnerstwa Społecznego „Dialog”, ul. Limanowskiego 23, Warszawa',
      online_url: 'https://meet.example.org/tajny-pokoj',
      confirm_by: warsawInstant(addDays(p.day, -7), '23:59'),
      status: p.cancelled ? 'cancelled' : 'planned',
      notice_sent_at: p.told === false ? null : new Date(),
      created_by: by,
      updated_at: new Date(),
    })
    .returning(['id', 'year'])
    .executeTakeFirstOrThrow()
}

const givenMaterial = (
  spaceId: string,
  meetingId: string,
  by: string,
  p: { title: string; visibility: 'members' | 'public' },
) => givenMaterialWithFile(db(), h.app.storage, { spaceId, meetingId, by, ...p, bytes: pdf(p.title) })

async function givenDecision(
  spaceId: string,
  meeting: { id: string; year: number },
  by: string,
  p: { number: number; title: string; body: string; approved: boolean },
) {
  const item = await db()
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position: p.number,
      title: 'Rekomendacje',
      presenter: '',
      minutes: 30,
      kind: 'decision',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db()
    .insertInto('decisions')
    .values({
      space_id: spaceId,
      meeting_id: meeting.id,
      agenda_item_id: item.id,
      created_by: by,
      updated_at: new Date(),
      year: meeting.year,
      number: p.number,
      title: p.title,
      body: p.body,
      votes_for: 5,
      votes_against: 0,
      votes_abstaining: 0,
      ...(p.approved
        ? {
            approved_title: p.title,
            approved_body: p.body,
            approved_votes_for: 5,
            approved_votes_against: 0,
            approved_votes_abstaining: 0,
          }
        : {}),
    })
    .execute()
}

async function givenPublishedNetwork(o: { schedulePublic: boolean }) {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id, isPublic: true })
  if (!o.schedulePublic)
    await db().updateTable('spaces').set({ public_schedule: false }).where('id', '=', space.id).execute()
  const coming = await givenMeeting(space.id, sec.id, {
    day: addDays(today(), 30),
    number: 7,
    subject: 'Plan pracy na 2027 r.',
  })
  const held = await givenMeeting(space.id, sec.id, {
    day: addDays(today(), -40),
    number: 6,
    subject: 'Podsumowanie naboru',
  })
  const cancelled = await givenMeeting(space.id, sec.id, {
    day: addDays(today(), 10),
    number: 8,
    subject: 'Posiedzenie odwołane',
    cancelled: true,
  })
  const untold = await givenMeeting(space.id, sec.id, {
    day: addDays(today(), 60),
    number: 9,
    subject: 'Jeszcze bez zawiadomienia',
    told: false,
  })
  const open = await givenMaterial(space.id, coming.id, sec.id, {
    title: 'Projekt planu pracy',
    visibility: 'public',
  })
  const internal = await givenMaterial(space.id, coming.id, sec.id, {
    title: 'Notatka wewnętrzna',
    visibility: 'members',
  })
  await givenMaterial(space.id, cancelled.id, sec.id, { title: 'Materiał odwołanego', visibility: 'public' })
  await givenDecision(space.id, held, sec.id, {
    number: 4,
    title: 'w sprawie rekomendacji dla Grupy Strategicznej',
    body: 'Sieć rekomenduje wsparcie partnerstw lokalnych.',
    approved: true,
  })
  await givenDecision(space.id, held, sec.id, {
    number: 5,
    title: 'w sprawie jeszcze niezatwierdzonej',
    body: 'Treść pod uwagami.',
    approved: false,
  })
  return { sec, space, coming, held, untold, open, internal }
}

test('a visitor sees the meetings told of, the public materials with their downloads and the approved decisions', async () => {
  const n = await givenPublishedNetwork({ schedulePublic: true })
  const visitor = new Client(h.app)
  const page = await visitor.get(`/networks/${n.space.id}`)
  assert.equal(page.statusCode, 200)
  const body = page.body
  assert.match(body, /<h2 class="govuk-heading-m">Posiedzenia<\/h2>/)
  assert.match(body, /VII posiedzenie/)
  assert.match(body, /Plan pracy na 2027 r\./)
  assert.match(body, /VI posiedzenie/)
  assert.match(body, /Podsumowanie naboru/)
  assert.ok(body.indexOf('Najbliższe') < body.indexOf('VII posiedzenie'))
  assert.ok(body.indexOf('VII posiedzenie') < body.indexOf('Odbyte'), 'coming first, then held')
  assert.match(body, /Projekt planu pracy/)
  assert.doesNotMatch(body, /Notatka wewnętrzna/, 'members only')
  assert.doesNotMatch(body, /Posiedzenie odwołane|Materiał odwołanego/, 'cancelled')
  assert.doesNotMatch(body, /Jeszcze bez zawiadomienia/, 'not told of yet')
  assert.doesNotMatch(body, /tajny-pokoj/, 'the online link is for members')
  assert.match(body, /Uchwała nr 4\/\d{4} w sprawie rekomendacji dla Grupy Strategicznej/)
  assert.match(body, /Sieć rekomenduje wsparcie partnerstw lokalnych\./)
  assert.doesNotMatch(body, /jeszcze niezatwierdzonej/, 'minutes not approved yet')

  const link = `/networks/${n.space.id}/materials/${n.open.id}/files/${n.open.fileId}`
  assert.ok(body.includes(`href="${link}"`))
  const file = await visitor.get(link)
  assert.equal(file.statusCode, 200)
  assert.match(file.body, /Projekt planu pracy/)
  const hidden = `/networks/${n.space.id}/materials/${n.internal.id}/files/${n.internal.fileId}`
  assert.equal((await visitor.get(hidden)).statusCode, 404)
})

test('without a public schedule only the meetings with a public material are shown', async () => {
  const n = await givenPublishedNetwork({ schedulePublic: false })
  const body = (await new Client(h.app).get(`/networks/${n.space.id}`)).body
  assert.match(body, /Plan pracy na 2027 r\./, 'it has a public material')
  assert.doesNotMatch(body, /Podsumowanie naboru/, 'no public material, no public schedule')
  assert.match(body, /w sprawie rekomendacji dla Grupy Strategicznej/)
})

test('a material made public shows at once on the kept public page, in English too', async () => {
  const n = await givenPublishedNetwork({ schedulePublic: true })
  const visitor = new Client(h.app)
  assert.doesNotMatch((await visitor.get(`/networks/${n.space.id}`)).body, /Notatka wewnętrzna/)
  const sec = await signedIn(h.app, n.sec.email)
  await sec.get(`/spaces/${n.space.id}/materials/${n.internal.id}`)
  const made = await sec.post(`/spaces/${n.space.id}/materials/${n.internal.id}/visibility`, {
    visibility: 'public',
  })
  assert.equal(made.statusCode, 303)
  assert.match((await visitor.get(`/networks/${n.space.id}`)).body, /Notatka wewnętrzna/)

  const english = new Client(h.app)
  await english.get(`/preferences?lang=en&back=%2F`)
  const en = (await english.get(`/networks/${n.space.id}`)).body
  assert.match(en, /<h2 class="govuk-heading-m">Meetings<\/h2>/)
  assert.match(en, /Decision 4\/\d{4} w sprawie rekomendacji/)
})
