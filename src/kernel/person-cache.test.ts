// The rules of the session cache that the journeys cannot time: what a change forgets stays
// forgotten while its transaction may still be committing, and a kept session ends with its session.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  cachedSession,
  cachedUnread,
  forgetPerson,
  forgetSession,
  forgetUnread,
  keepSession,
  keepUnread,
  type SessionPerson,
} from './person-cache.ts'

const session = (
  id: string,
  sessionId: string,
  expiresAt = new Date(Date.now() + 60_000),
): SessionPerson => ({
  id,
  email: `${id}@example.pl`,
  name: 'Anna Nowak',
  role: 'member',
  lang: 'pl',
  sessionId,
  expiresAt,
})

test('a session is kept until it ends, and not past its own end', () => {
  keepSession('hash-a', session('person-a', 's-a'))
  assert.equal(cachedSession('hash-a')?.id, 'person-a')
  keepSession('hash-b', session('person-b', 's-b', new Date(Date.now() + 1_000)))
  assert.equal(cachedSession('hash-b', Date.now() + 2_000), undefined)
})

test('a person forgotten is not kept again for a second: the read may predate the commit', async () => {
  keepSession('hash-c', session('person-c', 's-c'))
  forgetPerson('person-c')
  assert.equal(cachedSession('hash-c'), undefined)
  keepSession('hash-c', session('person-c', 's-c'))
  assert.equal(
    cachedSession('hash-c'),
    undefined,
    'a read made while the change may be uncommitted is used once',
  )
  await new Promise((r) => setTimeout(r, 1_050))
  keepSession('hash-c', session('person-c', 's-c'))
  assert.equal(cachedSession('hash-c')?.id, 'person-c')
})

test('an ended session is forgotten, and so are unread counts that changed', () => {
  keepSession('hash-d', session('person-d', 's-d'))
  forgetSession('s-d')
  assert.equal(cachedSession('hash-d'), undefined)
  // Ended while not kept here: a read of it in flight is not kept either.
  forgetSession('s-f')
  keepSession('hash-f', session('person-f', 's-f'))
  assert.equal(cachedSession('hash-f'), undefined)
  keepUnread('person-e', 3)
  assert.equal(cachedUnread('person-e'), 3)
  forgetUnread(['person-e'])
  assert.equal(cachedUnread('person-e'), undefined)
  keepUnread('person-e', 4)
  assert.equal(cachedUnread('person-e'), undefined)
})
