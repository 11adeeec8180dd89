import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { expectUniqueIds } from '../../../../test/support/html.ts'
import { addDays, safeDay, today, warsawInstant } from '../../../kernel/dates.ts'
import type { AnyPool } from '../../../kernel/db.ts'
import { sendActionReminders } from '../actions/service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
// The app's database as a module's function takes it (typed by that module's own tables).
const pool = (): AnyPool => h.database.db
const as = (p: { email: string }) => signedIn(h.app, p.email)

/** A body with a secretary, a chair, three members and an outsider, and a meeting held `daysAgo`. */
async function givenHeldMeeting(daysAgo = 3, name = 'Sieć ekonomii społecznej') {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id, name })
  const seat = async (who: string, role: 'chair' | 'member') => {
    const p = await givenPerson(db(), { name: who })
    await givenMember(db(), space.id, p.id, { role, startsOn: '2000-01-01' })
    return p
  }
  const chair = await seat('Celina Żółkiewska', 'chair')
  const anna = await seat('Anna Łęcka', 'member')
  const bartosz = await seat('Bartosz Ćwik', 'member')
  const cezary = await seat('Cezary Śliwa', 'member')
  const outsider = await givenPerson(db(), { name: 'Olaf Obcy' })
  const day = addDays(today(), -daysAgo)
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: Number(day.slice(0, 4)),
      number: 3,
      subject: 'Plan pracy',
      starts_at: warsawInstant(day, '10:00'),
      ends_at: warsawInstant(day, '14:00'),
      place: 'ul. Wspólna 2/4, Warszawa',
      online_url: '',
      confirm_by: warsawInstant(addDays(day, -7), '23:59'),
      created_by: sec.id,
      updated_at: new Date(),
    })
    .returning(['id', 'year'])
    .executeTakeFirstOrThrow()
  const items = await db()
    .insertInto('agenda_items')
    .values([
      {
        meeting_id: meeting.id,
        position: 1,
        title: 'Otwarcie i przyjęcie porządku',
        presenter: '',
        minutes: 10,
        kind: 'information',
      },
      {
        meeting_id: meeting.id,
        position: 2,
        title: 'Rekomendacje dla ekonomii społecznej',
        presenter: 'Anna Łęcka',
        minutes: 60,
        kind: 'decision',
      },
    ])
    .returning('id')
    .execute()
  // Four of the five with a vote were there.
  await db()
    .insertInto('meeting_presence')
    .values(
      [chair, anna, bartosz, cezary].map((p, i) => ({
        meeting_id: meeting.id,
        person_id: p.id,
        presence: i === 3 ? ('absent' as const) : ('in_person' as const),
        recorded_by: sec.id,
      })),
    )
    .execute()
  const url = `/spaces/${space.id}/meetings/${meeting.id}/minutes`
  return {
    sec,
    space,
    chair,
    anna,
    bartosz,
    cezary,
    outsider,
    meeting,
    items: items.map((i) => i.id),
    url,
    day,
  }
}

const decision = (itemId: string, p: Partial<Record<string, string>> = {}) => ({
  agendaItemId: itemId,
  title: 'Przyjęcie rekomendacji',
  body: 'Sieć przyjmuje rekomendacje dotyczące ekonomii społecznej.\n\nPrzekazuje je Grupie Strategicznej.',
  votesFor: '3',
  votesAgainst: '0',
  votesAbstaining: '0',
  ...p,
})

test('minutes go from a draft through comments to the chair’s approval, and are then locked and downloadable', async () => {
  const b = await givenHeldMeeting()
  const sec = await as(b.sec)

  assert.match((await sec.get(b.url)).body, /Rozpocznij protokół/)
  assert.equal((await sec.post(`${b.url}/start`, {})).statusCode, 303)
  const page = await sec.get(b.url)
  assert.match(page.body, /Anna Łęcka/, 'attendees come from the presence records')
  assert.match(page.body, /Cezary Śliwa<\/span> – Nieobecny/)

  // A member sees nothing of a draft; an outsider does not learn the space exists.
  const anna = await as(b.anna)
  assert.match((await anna.get(b.url)).body, /Protokół jest w przygotowaniu/)
  assert.equal((await (await as(b.outsider)).get(b.url)).statusCode, 404)

  // Texts, a decision (numbered), an action item.
  const edit = await sec.get(`${b.url}/edit`)
  const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1]
  assert.equal(
    (
      await sec.post(`${b.url}/edit`, {
        version: version ?? '',
        opening: 'Posiedzenie otworzyła Przewodnicząca. Kworum jest.',
        [`summary-${b.items[1]}`]: 'Anna Łęcka przedstawiła **rekomendacje**:\n\n- dla sieci\n- dla Grupy',
        closing: 'Posiedzenie zamknięto o 14:00.\nProtokół sporządzono w dniu posiedzenia.',
      })
    ).statusCode,
    303,
  )
  // The texts' Markdown is formatting on the page, not asterisks; a newline is a line break.
  const typed = (await sec.get(b.url)).body
  assert.match(typed, /przedstawiła <strong>rekomendacje<\/strong>:/)
  assert.match(typed, /<ul class="govuk-list govuk-list--bullet">\s*<li>dla sieci<\/li>/)
  assert.match(typed, /o 14:00\.<br \/>\s*Protokół sporządzono/)
  assert.doesNotMatch(typed, /\*\*rekomendacje/)
  assert.equal((await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? ''))).statusCode, 303)
  const second = await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? '', { title: 'Plan na 2027' }))
  assert.equal(second.statusCode, 303)
  const numbers = await db()
    .selectFrom('decisions')
    .select(['number', 'year'])
    .where('meeting_id', '=', b.meeting.id)
    .orderBy('number')
    .execute()
  assert.deepEqual(
    numbers.map((n) => `${n.number}/${n.year}`),
    [`1/${b.meeting.year}`, `2/${b.meeting.year}`],
  )

  // A failed vote is not a resolution; more votes than voters present is refused; what was typed stays.
  const failed = await sec.post(
    `${b.url}/decisions`,
    decision(b.items[1] ?? '', { votesFor: '1', votesAgainst: '2', title: 'Wniosek odrzucony' }),
  )
  assert.equal(failed.statusCode, 422)
  assert.match(failed.body, /id="field-votesFor-error"/)
  assert.match(failed.body, /głosów za musi być więcej niż przeciw/)
  assert.match(failed.body, /value="Wniosek odrzucony"/)
  const tooMany = await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? '', { votesFor: '4' }))
  assert.match(tooMany.body, /więcej niż obecnych członków z prawem głosu/)

  const due = addDays(today(), 20)
  const early = await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Przygotować pismo',
    ownerId: b.anna.id,
    dueOn: addDays(b.day, -1),
  })
  assert.match(early.body, /nie może być wcześniejszy niż dzień posiedzenia/)
  const stranger = await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Przygotować pismo',
    ownerId: b.outsider.id,
    dueOn: due,
  })
  assert.match(stranger.body, /Wybierz osobę z tego ciała albo jego sekretarza/)
  assert.equal(
    (
      await sec.post(`${b.url}/actions`, {
        agendaItemId: b.items[1] ?? '',
        title: 'Przygotować pismo do Grupy',
        ownerId: b.anna.id,
        dueOn: due,
      })
    ).statusCode,
    303,
  )
  const told = await db()
    .selectFrom('notifications')
    .select('kind')
    .where('person_id', '=', b.anna.id)
    .where('kind', '=', 'actionAssigned')
    .execute()
  assert.equal(told.length, 1, 'the owner is told')

  // Out for comments: a past deadline is refused; then members see the draft and comment.
  const past = await sec.post(`${b.url}/send`, { commentsBy: addDays(today(), -1) })
  assert.match(past.body, /Termin uwag nie może minąć/)
  assert.equal((await sec.post(`${b.url}/send`, { commentsBy: today() })).statusCode, 303)
  const draft = await anna.get(b.url)
  assert.match(draft.body, /Uchwała nr 1\/\d{4} – Przyjęcie rekomendacji/)
  assert.match(draft.body, /Zgłoś uwagę/)
  assert.equal(
    (await anna.post(`${b.url}/comments`, { agendaItemId: b.items[1] ?? '', body: 'Proszę dopisać termin.' }))
      .statusCode,
    303,
  )

  // Each is told what is true for them: the secretary, who does not comment, that members may until
  // the day; the chair, from which day approval is possible, with no button that cannot work.
  const todayShown = safeDay(today(), 'pl')
  const secPage = (await sec.get(b.url)).body
  assert.match(secPage, new RegExp(`Członkowie mogą zgłaszać uwagi do ${todayShown} włącznie`))
  assert.doesNotMatch(secPage, /Termin zgłaszania uwag minął/)
  const chair = await as(b.chair)
  const chairPage = (await chair.get(b.url)).body
  assert.match(chairPage, new RegExp(`Protokół zatwierdzisz od ${safeDay(addDays(today(), 1), 'pl')}`))
  assert.doesNotMatch(chairPage, /Zatwierdzam protokół/)
  // The chair: not while members may still comment, not with a comment unanswered.
  const tooSoon = await chair.post(`${b.url}/approve`, {})
  assert.equal(tooSoon.statusCode, 422)
  assert.match(tooSoon.body, /Członkowie mogą jeszcze zgłaszać uwagi/)
  await db()
    .updateTable('minutes')
    .set({ comments_by: addDays(today(), -1) })
    .where('meeting_id', '=', b.meeting.id)
    .execute()
  assert.match((await chair.post(`${b.url}/approve`, {})).body, /nie odpowiedział jeszcze na wszystkie uwagi/)
  const waiting = (await chair.get(b.url)).body
  assert.match(waiting, /Uwagi bez odpowiedzi sekretarza: 1\./)
  assert.doesNotMatch(waiting, /Zatwierdzam protokół/)
  assert.match(
    (await anna.get(b.url)).body,
    new RegExp(`Termin zgłaszania uwag minął ${safeDay(addDays(today(), -1), 'pl')}`),
  )
  // A member may not approve at all.
  assert.equal((await anna.post(`${b.url}/approve`, {})).statusCode, 403)

  const comment = await db()
    .selectFrom('minutes_comments as c')
    .innerJoin('minutes as m', 'm.id', 'c.minutes_id')
    .select('c.id')
    .where('m.meeting_id', '=', b.meeting.id)
    .executeTakeFirstOrThrow()
  const blank = await sec.post(`${b.url}/answers`, { commentId: comment.id, answer: '' })
  assert.equal(blank.statusCode, 422)
  assert.equal(
    (await sec.post(`${b.url}/answers`, { commentId: comment.id, answer: 'Dopisano termin.' })).statusCode,
    303,
  )

  assert.match((await chair.get(b.url)).body, /Zatwierdzam protokół/, 'now the button works')
  assert.equal((await chair.post(`${b.url}/approve`, {})).statusCode, 303)
  const twice = await chair.post(`${b.url}/approve`, {})
  assert.equal(twice.statusCode, 422)
  assert.match(twice.body, /Protokół jest już zatwierdzony/)

  // Locked: no edits, no decisions; the approved text is frozen in revision 1.
  const locked = await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? ''))
  assert.match(locked.body, /Protokół jest zatwierdzony i nie można go już zmieniać/)
  const revision = await db()
    .selectFrom('minutes_revisions as r')
    .innerJoin('minutes as m', 'm.id', 'r.minutes_id')
    .select(['r.revision', 'r.document'])
    .where('m.meeting_id', '=', b.meeting.id)
    .executeTakeFirstOrThrow()
  assert.equal(revision.revision, 1)
  assert.equal(revision.document.status, 'approved')
  // Its signature block: the secretary who recorded it, the chair who approved it.
  assert.equal(revision.document.recordedBy?.name, 'Sabina Sekretarz')
  assert.equal(revision.document.recordedBy?.function, 'secretary')
  assert.equal(revision.document.approverFunction, 'chair')
  assert.equal(revision.document.items[1]?.decisions.length, 2)
  assert.equal(revision.document.items[1]?.actions[0]?.owner, 'Anna Łęcka')

  for (const [format, type] of [
    ['pdf', 'application/pdf'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
  ] as const) {
    const file = await anna.get(`${b.url}/revisions/1/${format}`)
    assert.equal(file.statusCode, 200, format)
    assert.equal(file.headers['content-type'], type)
    assert.match(String(file.headers['content-disposition']), new RegExp(`\\.${format}"`))
  }
  assert.equal((await anna.get(`${b.url}/revisions/2/pdf`)).statusCode, 404)

  // A correction opens revision 2 as a draft; revision 1 stays as approved.
  assert.equal((await sec.post(`${b.url}/correct`, { reason: 'Literówka w nazwisku' })).statusCode, 303)
  const corrected = await sec.get(b.url)
  assert.match(corrected.body, /Projekt/)
  assert.match(corrected.body, /Wersja 1, zatwierdzona/)
  assert.equal((await anna.get(`${b.url}/revisions/1/pdf`)).statusCode, 200)
  // The approved decisions stay in the register and cannot be withdrawn: their numbers are archived.
  assert.match((await anna.get(`/spaces/${b.space.id}/decisions`)).body, /Plan na 2027/)
  const last = await db()
    .selectFrom('decisions')
    .select('id')
    .where('meeting_id', '=', b.meeting.id)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow()
  const withdraw = await sec.post(`${b.url}/decisions/remove`, { decisionId: last.id })
  assert.equal(withdraw.statusCode, 422)
  assert.match(withdraw.body, /jest w zatwierdzonej wersji protokołu/)
  // A chair whose page still showed revision 1 does not approve revision 2 unseen.
  await sec.post(`${b.url}/send`, { commentsBy: today() })
  await db()
    .updateTable('minutes')
    .set({ comments_by: addDays(today(), -1) })
    .where('meeting_id', '=', b.meeting.id)
    .execute()
  const stale = await chair.post(`${b.url}/approve`, { revision: '1' })
  assert.equal(stale.statusCode, 422)
  assert.match(stale.body, /otwarto nową wersję protokołu/)
  assert.equal((await chair.post(`${b.url}/approve`, { revision: '2' })).statusCode, 303)
})

test('two people saving the minutes from the same version: the second is refused and sees both texts', async () => {
  const b = await givenHeldMeeting()
  const sec = await as(b.sec)
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await sec.post(`${b.url}/start`, {})
  const summary = `summary-${b.items[0]}`
  assert.equal(
    (
      await sec.post(`${b.url}/edit`, {
        version: '0',
        opening: 'Tekst Sabiny',
        [summary]: 'Przebieg według Sabiny',
      })
    ).statusCode,
    303,
  )
  const late = await coordinator.post(`${b.url}/edit`, {
    version: '0',
    opening: 'Tekst koordynatora',
    [summary]: '',
  })
  assert.equal(late.statusCode, 409)
  assert.match(late.body, /W międzyczasie protokół zapisała inna osoba \(Sabina Sekretarz\)/)
  assert.match(late.body, /Tekst Sabiny/, 'what is saved is shown')
  assert.match(late.body, />Tekst koordynatora</, 'what they typed is kept in the field')
  assert.match(late.body, /name="version" value="1"/, 'the form now carries the saved version')
  const saved = await db()
    .selectFrom('minutes')
    .select('opening')
    .where('meeting_id', '=', b.meeting.id)
    .executeTakeFirstOrThrow()
  assert.equal(saved.opening, 'Tekst Sabiny', 'nothing was overwritten')
})

test('minutes cannot start before the meeting; only the register’s last decision can be withdrawn', async () => {
  const ahead = await givenHeldMeeting(-5)
  const early = await (await as(ahead.sec)).post(`${ahead.url}/start`, {})
  assert.equal(early.statusCode, 422)
  assert.match(early.body, /od początku posiedzenia/)

  const b = await givenHeldMeeting()
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? ''))
  await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? '', { title: 'Druga' }))
  const [first, last] = await db()
    .selectFrom('decisions')
    .select('id')
    .where('meeting_id', '=', b.meeting.id)
    .orderBy('number')
    .execute()
  const refused = await sec.post(`${b.url}/decisions/remove`, { decisionId: first?.id ?? '' })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /Wycofać można tylko ostatnią uchwałę/)
  assert.equal((await sec.post(`${b.url}/decisions/remove`, { decisionId: last?.id ?? '' })).statusCode, 303)
  // A correction keeps the number.
  const fix = await sec.post(
    `${b.url}/decisions/${first?.id}`,
    decision(b.items[1] ?? '', { title: 'Poprawiony tytuł' }),
  )
  assert.equal(fix.statusCode, 303)
  const row = await db()
    .selectFrom('decisions')
    .select(['number', 'title'])
    .where('id', '=', first?.id ?? '')
    .executeTakeFirstOrThrow()
  assert.deepEqual(row, { number: 1, title: 'Poprawiony tytuł' })
})

test('the register: found by words without Polish letters or by number, exported, and forwarded into another body’s agenda', async () => {
  const b = await givenHeldMeeting(3, 'Sieć włączenia społecznego')
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? '', { title: 'Zażółć gęślą jaźń' }))
  const register = `/spaces/${b.space.id}/decisions`
  // Not in the register while the minutes are a draft.
  assert.match((await sec.get(register)).body, /Brak uchwał spełniających te warunki/)
  await sec.post(`${b.url}/send`, { commentsBy: addDays(today(), 7) })

  const found = await sec.get(`${register}?q=${encodeURIComponent('zazolc gesla')}`)
  assert.match(found.body, /Zażółć gęślą jaźń/)
  assert.match(
    (await sec.get(`${register}?q=${encodeURIComponent(`1/${b.meeting.year}`)}`)).body,
    /Zażółć gęślą jaźń/,
  )
  assert.doesNotMatch((await sec.get(`${register}?q=budżet`)).body, /Zażółć gęślą jaźń/)

  const csv = await sec.get(`${register}?format=csv`)
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8')
  assert.match(csv.body, new RegExp(`1/${b.meeting.year};Sieć włączenia społecznego;Zażółć gęślą jaźń`))
  const xlsx = await sec.get(`${register}?format=xlsx`)
  assert.equal(xlsx.statusCode, 200)

  // Across spaces: a member of this body finds it; a member of none does not.
  assert.match((await (await as(b.anna)).get('/decisions?q=zazolc')).body, /Zażółć gęślą jaźń/)
  assert.doesNotMatch((await (await as(b.outsider)).get('/decisions?q=zazolc')).body, /Zażółć gęślą jaźń/)

  // Forwarded, once approved, to another body, whose secretary takes it into a coming meeting's agenda.
  const other = await givenHeldMeeting(-10, 'Grupa Strategiczna testowa')
  const id = (
    await db()
      .selectFrom('decisions')
      .select('id')
      .where('meeting_id', '=', b.meeting.id)
      .executeTakeFirstOrThrow()
  ).id
  const early = await sec.post(`${register}/${id}/forward`, { to: other.space.id, note: '' })
  assert.equal(early.statusCode, 422)
  assert.match(early.body, /dopiero po zatwierdzeniu protokołu/)
  await db()
    .updateTable('minutes')
    .set({ comments_by: addDays(today(), -1) })
    .where('meeting_id', '=', b.meeting.id)
    .execute()
  assert.equal((await (await as(b.chair)).post(`${b.url}/approve`, {})).statusCode, 303)
  assert.equal(
    (await sec.post(`${register}/${id}/forward`, { to: other.space.id, note: 'Do wiadomości' })).statusCode,
    303,
  )
  const again = await sec.post(`${register}/${id}/forward`, { to: other.space.id, note: '' })
  assert.equal(again.statusCode, 422)
  assert.match(again.body, /już przekazana temu adresatowi/)
  assert.equal((await sec.post(`${register}/${id}/forward`, { to: 'authority', note: '' })).statusCode, 303)
  const iz = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.match((await iz.get('/authority/decisions')).body, /Zażółć gęślą jaźń/)

  const otherSec = await as(other.sec)
  const incoming = await otherSec.get(`/spaces/${other.space.id}/decisions`)
  assert.match(incoming.body, /Uchwały przekazane do tego ciała/)
  const forward = await db()
    .selectFrom('decision_forwards')
    .select('id')
    .where('to_space_id', '=', other.space.id)
    .executeTakeFirstOrThrow()
  const none = await otherSec.post(`/spaces/${other.space.id}/decisions/incoming`, {
    forwardId: forward.id,
    meetingId: '',
  })
  assert.equal(none.statusCode, 422)
  assert.equal(
    (
      await otherSec.post(`/spaces/${other.space.id}/decisions/incoming`, {
        forwardId: forward.id,
        meetingId: other.meeting.id,
      })
    ).statusCode,
    303,
  )
  const agenda = await db()
    .selectFrom('agenda_items')
    .select('title')
    .where('meeting_id', '=', other.meeting.id)
    .orderBy('position', 'desc')
    .executeTakeFirstOrThrow()
  assert.equal(agenda.title, `Uchwała nr 1/${b.meeting.year}: Zażółć gęślą jaźń`)
})

test('action items: the owner sees and reports on theirs; reminders go once, a few days before', async () => {
  const b = await givenHeldMeeting()
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Zebrać dane',
    ownerId: b.bartosz.id,
    dueOn: addDays(today(), 2),
  })
  await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Napisać raport',
    ownerId: b.bartosz.id,
    dueOn: addDays(today(), 30),
  })
  const bartosz = await as(b.bartosz)
  const mine = await bartosz.get('/actions')
  assert.ok(mine.body.indexOf('Zebrać dane') < mine.body.indexOf('Napisać raport'), 'the nearest first')

  assert.equal(await sendActionReminders(pool()), 1)
  assert.equal(await sendActionReminders(pool()), 0, 'once')

  const action = await db()
    .selectFrom('action_items')
    .select('id')
    .where('title', '=', 'Zebrać dane')
    .executeTakeFirstOrThrow()
  const bad = await bartosz.post(`/actions/${action.id}`, {
    actionId: action.id,
    status: 'finished',
    note: 'Zebrane',
  })
  assert.equal(bad.statusCode, 422)
  assert.match(bad.body, /Zebrane/, 'the note typed stays')
  // Another member may not report on it, and learns so before anything typed is checked.
  const anna = await as(b.anna)
  for (const status of ['done', 'finished']) {
    assert.equal(
      (await anna.post(`/actions/${action.id}`, { actionId: action.id, status, note: '' })).statusCode,
      403,
    )
  }
  assert.equal(
    (await bartosz.post(`/actions/${action.id}`, { actionId: action.id, status: 'done', note: 'Zebrane' }))
      .statusCode,
    303,
  )
  assert.doesNotMatch((await bartosz.get('/actions')).body, /Zebrać dane/)
  assert.match((await bartosz.get('/actions?show=closed')).body, /Zebrać dane/)
  // The secretary may report on it too.
  assert.equal(
    (await sec.post(`/actions/${action.id}`, { actionId: action.id, status: 'open', note: '' })).statusCode,
    303,
  )
})

test('while approved minutes are corrected, the register shows the approved text until the chair approves the correction', async () => {
  const b = await givenHeldMeeting(3, 'Sieć rozwoju obszarów wiejskich')
  const sec = await as(b.sec)
  const chair = await as(b.chair)
  const anna = await as(b.anna)
  const iz = await signedIn(h.app, 'iz@demo.siatka.test')
  const closeComments = () =>
    db()
      .updateTable('minutes')
      .set({ comments_by: addDays(today(), -1) })
      .where('meeting_id', '=', b.meeting.id)
      .execute()
  await sec.post(`${b.url}/start`, {})
  await sec.post(
    `${b.url}/decisions`,
    decision(b.items[1] ?? '', {
      title: 'Wsparcie gospodarstw opiekuńczych',
      body: 'Sieć popiera rozwój gospodarstw opiekuńczych.',
    }),
  )
  await sec.post(`${b.url}/send`, { commentsBy: today() })
  await closeComments()
  assert.equal((await chair.post(`${b.url}/approve`, {})).statusCode, 303)
  const approved = await db()
    .selectFrom('decisions')
    .select('id')
    .where('meeting_id', '=', b.meeting.id)
    .executeTakeFirstOrThrow()

  // A correction retitles the decision, changes its text and vote, and adds a second one.
  assert.equal((await sec.post(`${b.url}/correct`, { reason: 'Błędny tytuł uchwały' })).statusCode, 303)
  assert.equal(
    (
      await sec.post(
        `${b.url}/decisions/${approved.id}`,
        decision(b.items[1] ?? '', {
          title: 'Wsparcie spółdzielni socjalnych',
          body: 'Sieć popiera spółdzielnie socjalne.',
          votesFor: '2',
          votesAbstaining: '1',
        }),
      )
    ).statusCode,
    303,
  )
  await sec.post(
    `${b.url}/decisions`,
    decision(b.items[1] ?? '', { title: 'Uchwała dopisana w sprostowaniu' }),
  )
  const added = await db()
    .selectFrom('decisions')
    .select('id')
    .where('meeting_id', '=', b.meeting.id)
    .where('number', '=', 2)
    .executeTakeFirstOrThrow()

  // Members still see the approved text everywhere, in the draft correction and out for comments.
  const register = `/spaces/${b.space.id}/decisions`
  for (const stage of ['draft', 'consultation']) {
    if (stage === 'consultation') await sec.post(`${b.url}/send`, { commentsBy: today() })
    const page = await anna.get(register)
    assert.match(page.body, /Wsparcie gospodarstw opiekuńczych/, stage)
    assert.match(page.body, /za 3, przeciw 0, wstrzym\. 0/, stage)
    assert.match(page.body, /Protokół w trakcie sprostowania/, stage)
    assert.doesNotMatch(page.body, /spółdzielni socjalnych/, stage)
    if (stage === 'draft')
      assert.doesNotMatch(page.body, /dopisana w sprostowaniu/, 'not in the register as a draft')
    else
      assert.match(
        page.body,
        /dopisana w sprostowaniu/,
        'in the register once out for comments, as any new one',
      )
    const all = await anna.get('/decisions')
    assert.match(all.body, /Wsparcie gospodarstw opiekuńczych/, stage)
    assert.doesNotMatch(all.body, /spółdzielni socjalnych/, stage)
    assert.match((await anna.get(`/decisions?q=opiekunczych`)).body, /Wsparcie gospodarstw opiekuńczych/)
    assert.match((await anna.get(`/decisions?q=spoldzielni`)).body, /Brak uchwał spełniających te warunki/)
    const one = await anna.get(`${register}/${approved.id}`)
    assert.match(one.body, /Sieć popiera rozwój gospodarstw opiekuńczych\./, stage)
    assert.doesNotMatch(one.body, /spółdzielni|spółdzielnie/, stage)
    const csv = await anna.get(`${register}?format=csv`)
    assert.match(csv.body, /Wsparcie gospodarstw opiekuńczych;Sieć popiera rozwój gospodarstw opiekuńczych\./)
    assert.doesNotMatch(csv.body, /spółdzielni/, stage)
    const xlsx = await anna.get(`${register}?format=xlsx`)
    assert.equal(xlsx.statusCode, 200)
  }

  // What goes on is what was approved: the approved decision, with its approved title; not the new one.
  const early = await sec.post(`${register}/${added.id}/forward`, { to: 'authority', note: '' })
  assert.equal(early.statusCode, 422)
  assert.match(early.body, /dopiero po zatwierdzeniu protokołu/)
  assert.equal(
    (await sec.post(`${register}/${approved.id}/forward`, { to: 'authority', note: '' })).statusCode,
    303,
  )
  const forwarded = await iz.get('/authority/decisions')
  assert.match(forwarded.body, /Wsparcie gospodarstw opiekuńczych/)
  assert.doesNotMatch(forwarded.body, /spółdzielni/)

  // The chair approves the correction: from now on the register has the corrected text.
  await closeComments()
  assert.equal((await chair.post(`${b.url}/approve`, { revision: '2' })).statusCode, 303)
  const after = await anna.get(register)
  assert.match(after.body, /Wsparcie spółdzielni socjalnych/)
  assert.match(after.body, /za 2, przeciw 0, wstrzym\. 1/)
  assert.match(after.body, /Uchwała dopisana w sprostowaniu/)
  assert.doesNotMatch(after.body, /gospodarstw opiekuńczych|Protokół w trakcie sprostowania/)
  assert.match((await anna.get(`/decisions?q=spoldzielni`)).body, /Wsparcie spółdzielni socjalnych/)
  assert.doesNotMatch((await anna.get(`/decisions?q=opiekunczych`)).body, /gospodarstw opiekuńczych/)
})

test('every list of the minutes is bounded: the item, decision, action, comment or correction past the bound is refused beside its field', async () => {
  // An agenda of a meeting ahead holds at most 50 items.
  const ahead = await givenHeldMeeting(-5, 'Sieć cyfryzacji')
  const secAhead = await as(ahead.sec)
  await db()
    .insertInto('agenda_items')
    .values(
      Array.from({ length: 48 }, (_, i) => ({
        meeting_id: ahead.meeting.id,
        position: i + 3,
        title: `Punkt ${i + 3}`,
        presenter: '',
        minutes: 5,
        kind: 'information' as const,
      })),
    )
    .execute()
  const meetingUrl = `/spaces/${ahead.space.id}/meetings/${ahead.meeting.id}`
  await secAhead.get(meetingUrl)
  const full = await secAhead.post(`${meetingUrl}/agenda`, {
    title: 'Punkt pięćdziesiąty pierwszy',
    presenter: '',
    minutes: '10',
    kind: 'discussion',
  })
  assert.equal(full.statusCode, 422)
  assert.match(full.body, /id="field-title-error"/)
  assert.match(full.body, /Porządek obrad ma już 50 punktów/)
  assert.match(full.body, /value="Punkt pięćdziesiąty pierwszy"/, 'what was typed stays')

  const b = await givenHeldMeeting(3, 'Sieć odnawialnych źródeł energii')
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  const minutesId = (
    await db()
      .selectFrom('minutes')
      .select('id')
      .where('meeting_id', '=', b.meeting.id)
      .executeTakeFirstOrThrow()
  ).id
  // 100 decisions and 200 action items are recorded; the next of each is refused.
  await db()
    .insertInto('decisions')
    .values(
      Array.from({ length: 100 }, (_, i) => ({
        space_id: b.space.id,
        meeting_id: b.meeting.id,
        agenda_item_id: b.items[1] ?? '',
        year: b.meeting.year,
        number: i + 1,
        title: `Uchwała ${i + 1}`,
        body: 'Treść.',
        votes_for: 3,
        votes_against: 0,
        votes_abstaining: 0,
        created_by: b.sec.id,
        updated_at: new Date(),
      })),
    )
    .execute()
  await db()
    .insertInto('action_items')
    .values(
      Array.from({ length: 200 }, (_, i) => ({
        space_id: b.space.id,
        meeting_id: b.meeting.id,
        agenda_item_id: b.items[1] ?? '',
        title: `Zadanie ${i + 1}`,
        owner_id: b.anna.id,
        due_on: addDays(today(), 30),
        created_by: b.sec.id,
        updated_at: new Date(),
      })),
    )
    .execute()
  const decisionRefused = await sec.post(
    `${b.url}/decisions`,
    decision(b.items[1] ?? '', { title: 'Sto pierwsza' }),
  )
  assert.equal(decisionRefused.statusCode, 422)
  assert.match(decisionRefused.body, /id="field-title-error"/)
  assert.match(decisionRefused.body, /Protokół ma już 100 uchwał/)
  const actionRefused = await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Zadanie dwieście pierwsze',
    ownerId: b.anna.id,
    dueOn: addDays(today(), 30),
  })
  assert.equal(actionRefused.statusCode, 422)
  assert.match(actionRefused.body, /Protokół ma już 200 zadań/)
  const page = await sec.get(b.url)
  assert.match(page.body, /Uchwała 100/, 'every decision is on the page')
  assert.match(page.body, /Zadanie 200/, 'every action item is on the page')

  // 1000 comments: the next is refused.
  await sec.post(`${b.url}/send`, { commentsBy: addDays(today(), 7) })
  await db()
    .insertInto('minutes_comments')
    .values(
      Array.from({ length: 1000 }, (_, i) => ({
        minutes_id: minutesId,
        revision: 1,
        agenda_item_id: null,
        person_id: b.bartosz.id,
        body: `Uwaga ${i + 1}`,
      })),
    )
    .execute()
  const anna = await as(b.anna)
  await anna.get(b.url)
  const commentRefused = await anna.post(`${b.url}/comments`, {
    agendaItemId: '',
    body: 'Jeszcze jedna uwaga',
  })
  assert.equal(commentRefused.statusCode, 422)
  assert.match(commentRefused.body, /id="field-comment-body-error"/)
  assert.match(commentRefused.body, /zgłoszono już 1000 uwag/)

  // At most 20 versions: a correction of the twentieth is refused.
  await db()
    .updateTable('minutes')
    .set({ status: 'approved', revision: 20, approved_at: new Date(), approved_by: b.chair.id })
    .where('id', '=', minutesId)
    .execute()
  await sec.get(b.url)
  const correctionRefused = await sec.post(`${b.url}/correct`, { reason: 'Kolejna poprawka' })
  assert.equal(correctionRefused.statusCode, 422)
  assert.match(correctionRefused.body, /id="field-reason-error"/)
  assert.match(correctionRefused.body, /Protokół ma już 20 wersji/)
})

test('the decisions forwarded to a body page on their own, beside the register’s pages', async () => {
  const from = await givenHeldMeeting(3, 'Sieć przekazująca')
  const to = await givenHeldMeeting(-10, 'Ciało przyjmujące')
  const rows = await db()
    .insertInto('decisions')
    .values(
      Array.from({ length: 51 }, (_, i) => ({
        space_id: from.space.id,
        meeting_id: from.meeting.id,
        agenda_item_id: from.items[1] ?? '',
        year: from.meeting.year,
        number: i + 1,
        title: `Rekomendacja numer ${i + 1}.`,
        body: 'Treść.',
        votes_for: 3,
        votes_against: 0,
        votes_abstaining: 0,
        approved_title: `Rekomendacja numer ${i + 1}.`,
        approved_body: 'Treść.',
        approved_votes_for: 3,
        approved_votes_against: 0,
        approved_votes_abstaining: 0,
        created_by: from.sec.id,
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'number'])
    .execute()
  // Forwarded one a minute, the first the oldest: the newest (51) leads the list.
  await db()
    .insertInto('decision_forwards')
    .values(
      rows.map((r) => ({
        decision_id: r.id,
        to_space_id: to.space.id,
        note: '',
        forwarded_by: from.sec.id,
        forwarded_at: new Date(Date.now() - (100 - r.number) * 60_000),
      })),
    )
    .execute()
  const sec = await as(to.sec)
  const register = `/spaces/${to.space.id}/decisions`
  const first = await sec.get(register)
  assert.match(first.body, /Rekomendacja numer 51\./)
  assert.match(first.body, /Rekomendacja numer 2\./)
  assert.doesNotMatch(first.body, /Rekomendacja numer 1\./)
  const pager =
    /<nav class="govuk-pagination[^"]*" aria-label="Strony uchwał przekazanych do tego ciała">(.*?)<\/nav>/s.exec(
      first.body,
    )
  assert.ok(pager, 'the incoming list has a pager of its own, named for it')
  assert.match(pager[1], new RegExp(`href="${register}\\?incoming=2#incoming"`))
  const second = await sec.get(`${register}?incoming=2`)
  assert.match(second.body, /Rekomendacja numer 1\./)
  assert.doesNotMatch(second.body, /Rekomendacja numer 2\./)
  assert.match(second.body, /Strona 2/)
  // A refused take-into-agenda on the second page shows the second page again, with the message.
  const forward = await db()
    .selectFrom('decision_forwards')
    .select('id')
    .where('decision_id', '=', rows[0]?.id ?? '')
    .executeTakeFirstOrThrow()
  assert.match(second.body, new RegExp(`action="${register}/incoming\\?incoming=2"`))
  const refused = await sec.post(`${register}/incoming?incoming=2`, { forwardId: forward.id, meetingId: '' })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /Rekomendacja numer 1\./)
  assert.match(refused.body, new RegExp(`id="field-forward-${forward.id}-meetingId-error"`))
})

// A page is long: a failed match names what was looked for, not the whole page.
const shows = (body: string, re: RegExp, what = '') => assert.ok(re.test(body), `${what} ${re}`)
const lacks = (body: string, re: RegExp, what = '') => assert.ok(!re.test(body), `${what} ${re}`)

test('each action item’s form and each form of the minutes has its own ids: every label names its own field, a refused form points at its own', async () => {
  const b = await givenHeldMeeting()
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  for (const [title, days] of [
    ['Zebrać dane', 2],
    ['Napisać raport', 30],
  ] as const)
    await sec.post(`${b.url}/actions`, {
      agendaItemId: b.items[1] ?? '',
      title,
      ownerId: b.bartosz.id,
      dueOn: addDays(today(), days),
    })
  const [first, second] = await db()
    .selectFrom('action_items')
    .select('id')
    .where('owner_id', '=', b.bartosz.id)
    .orderBy('due_on')
    .execute()

  // The minutes: a decision and an action item each ask for an agenda item and a title.
  const minutes = await sec.get(b.url)
  expectUniqueIds(minutes.body, 'the draft minutes')
  shows(minutes.body, /<label class="govuk-label" for="field-title">Tytuł uchwały<\/label>/)
  shows(minutes.body, /<label class="govuk-label" for="field-action-title">/)
  const early = await sec.post(`${b.url}/actions`, {
    agendaItemId: b.items[1] ?? '',
    title: 'Przygotować pismo',
    ownerId: b.anna.id,
    dueOn: addDays(b.day, -1),
  })
  assert.equal(early.statusCode, 422)
  expectUniqueIds(early.body, 'the minutes with the action item refused')
  shows(early.body, /<a href="#field-action-dueOn">[^<]*nie może być wcześniejszy/)
  shows(
    early.body,
    /id="field-action-dueOn" name="dueOn" type="date" value="[^"]*" aria-describedby="field-action-dueOn-error"/,
  )

  // Out for comments: two comments, each with its own answer form; one answer refused.
  await sec.get(b.url)
  assert.equal((await sec.post(`${b.url}/send`, { commentsBy: addDays(today(), 7) })).statusCode, 303)
  const anna = await as(b.anna)
  await anna.get(b.url)
  for (const body of ['Proszę dopisać termin.', 'Brakuje nazwiska.'])
    assert.equal((await anna.post(`${b.url}/comments`, { agendaItemId: '', body })).statusCode, 303)
  const commented = await sec.get(b.url)
  expectUniqueIds(commented.body, 'the minutes with two comments')
  const comments = await db()
    .selectFrom('minutes_comments')
    .select('id')
    .where('person_id', '=', b.anna.id)
    .execute()
  assert.equal(comments.length, 2)
  for (const c of comments)
    shows(commented.body, new RegExp(`<textarea class="govuk-textarea" id="field-answer-${c.id}-answer"`))
  const blank = await sec.post(`${b.url}/answers`, { commentId: comments[1].id, answer: '' })
  assert.equal(blank.statusCode, 422)
  expectUniqueIds(blank.body, 'the minutes with an answer refused')
  shows(blank.body, new RegExp(`<a href="#field-answer-${comments[1].id}-answer">`))

  // My action items: the second form's note box and “done” are its own, not the first one's.
  const bartosz = await as(b.bartosz)
  const page = await bartosz.get('/actions')
  expectUniqueIds(page.body, '/actions')
  for (const a of [first, second]) {
    shows(page.body, new RegExp(`<label class="govuk-label" for="field-action-${a.id}-note">Co zrobiono`))
    shows(
      page.body,
      new RegExp(`<textarea class="govuk-textarea" id="field-action-${a.id}-note" name="note"`),
    )
    shows(
      page.body,
      new RegExp(
        `id="field-action-${a.id}-status-1" name="status" type="radio" value="done"/><label class="govuk-label govuk-radios__label" for="field-action-${a.id}-status-1">Wykonane`,
      ),
    )
  }
  const refused = await bartosz.post(`/actions/${second.id}`, {
    actionId: second.id,
    status: 'finished',
    note: 'x',
  })
  assert.equal(refused.statusCode, 422)
  expectUniqueIds(refused.body, '/actions with the second form refused')
  shows(
    refused.body,
    new RegExp(`<p id="field-action-${second.id}-status-error" class="govuk-error-message">`),
  )
  lacks(refused.body, new RegExp(`field-action-${first.id}-status-error`), 'the first form is fine')
})

/** Every id="…" of a page, in order, and every <label for="…">. */
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])
const labelTargetsOf = (html: string) => [...html.matchAll(/<label\b[^>]*\sfor="([^"]*)"/g)].map((m) => m[1])

/** No id used twice, and every label names exactly one element (issue 11, defect 8). */
function assertIdsOnce(html: string, where: string) {
  const ids = idsOf(html)
  const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
  assert.deepEqual(twice, [], `${where}: ids used more than once`)
  const labels = labelTargetsOf(html)
  assert.ok(labels.length > 0, `${where}: the page has labelled fields`)
  const astray = labels.filter((target) => ids.filter((id) => id === target).length !== 1)
  assert.deepEqual(astray, [], `${where}: labels naming no field or several`)
  expectUniqueIds(html, where)
}

test('the minutes with decisions and action items, and “Moje zadania”, use each id once: every label has its own field, a refused form’s messages point at its own', async () => {
  const b = await givenHeldMeeting()
  const sec = await as(b.sec)
  await sec.post(`${b.url}/start`, {})
  for (const title of ['Przyjęcie rekomendacji', 'Plan na 2027'])
    assert.equal(
      (await sec.post(`${b.url}/decisions`, decision(b.items[1] ?? '', { title }))).statusCode,
      303,
    )
  for (const [title, days] of [
    ['Zebrać dane', 2],
    ['Napisać raport', 30],
  ] as const)
    assert.equal(
      (
        await sec.post(`${b.url}/actions`, {
          agendaItemId: b.items[1] ?? '',
          title,
          ownerId: b.bartosz.id,
          dueOn: addDays(today(), days),
        })
      ).statusCode,
      303,
    )

  const minutes = await sec.get(b.url)
  assert.match(minutes.body, /Plan na 2027/, 'the decisions are shown')
  assert.match(minutes.body, /Napisać raport/, 'the action items are shown')
  assertIdsOnce(minutes.body, 'the draft minutes')
  // The decision's and the action item's questions are each labelled once, each on its own field.
  assert.match(minutes.body, /<label class="govuk-label" for="field-title">Tytuł uchwały<\/label>/)
  assert.match(minutes.body, /<label class="govuk-label" for="field-action-title">[^<]+<\/label>/)
  assert.match(
    minutes.body,
    /<select class="govuk-select" id="field-action-agendaItemId" name="agendaItemId"/,
  )
  assert.match(minutes.body, /<select class="govuk-select" id="field-agendaItemId" name="agendaItemId"/)

  // A refused decision: its messages beside its own fields, the summary linking to them.
  const badDecision = await sec.post(
    `${b.url}/decisions`,
    decision(b.items[1] ?? '', { title: '', votesFor: '1', votesAgainst: '2' }),
  )
  assert.equal(badDecision.statusCode, 422)
  assertIdsOnce(badDecision.body, 'the minutes with a decision refused')
  assert.match(badDecision.body, /<a href="#field-title">/)
  assert.match(
    badDecision.body,
    /id="field-title" name="title" type="text" value="" aria-describedby="field-title-error"/,
  )
  assert.doesNotMatch(badDecision.body, /field-action-title-error/, 'the action item’s form is fine')

  // A refused action item: the same for its fields.
  const badAction = await sec.post(`${b.url}/actions`, {
    agendaItemId: '',
    title: '',
    ownerId: b.bartosz.id,
    dueOn: addDays(today(), 5),
  })
  assert.equal(badAction.statusCode, 422)
  assertIdsOnce(badAction.body, 'the minutes with an action item refused')
  assert.match(badAction.body, /<a href="#field-action-title">/)
  assert.match(
    badAction.body,
    /id="field-action-title" name="title" type="text" value="" aria-describedby="field-action-title-error"/,
  )
  assert.match(badAction.body, /<p id="field-action-title-error" class="govuk-error-message">/)
  assert.doesNotMatch(badAction.body, /id="field-title-error"/, 'the decision’s form is fine')

  // “Moje zadania”: a form per action item, each field its own; a refused one is linked from the top.
  const bartosz = await as(b.bartosz)
  const page = await bartosz.get('/actions')
  assertIdsOnce(page.body, '/actions')
  const mine = await db()
    .selectFrom('action_items')
    .select('id')
    .where('owner_id', '=', b.bartosz.id)
    .orderBy('due_on')
    .execute()
  assert.equal(mine.length, 2)
  const refused = await bartosz.post(`/actions/${mine[1].id}`, {
    actionId: mine[1].id,
    status: 'x',
    note: '',
  })
  assert.equal(refused.statusCode, 422)
  assertIdsOnce(refused.body, '/actions with a form refused')
  assert.match(refused.body, new RegExp(`<a href="#field-action-${mine[1].id}-status">`))
  assert.match(refused.body, new RegExp(`aria-describedby="field-action-${mine[1].id}-status-error"`))
})
