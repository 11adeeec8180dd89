// A page being rendered when a change is heard of is sent, but not kept: it may show the rows
// from before the change.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { forgetPublicPages, renderPublic } from './public-pages.ts'

const visitor = {
  actor: null,
  lang: 'pl',
  prefs: { textSize: 'normal', contrast: 'normal' },
  showCookieNotice: true,
  url: '/o-programie',
} as unknown as FastifyRequest

function reply() {
  const sent: string[] = []
  const r = { type: () => r, send: (html: string) => sent.push(html) }
  return { r: r as unknown as FastifyReply, sent }
}

test('a page rendered across a change is sent but not kept; the next one is kept', async () => {
  let renders = 0
  const first = reply()
  await renderPublic(visitor, first.r, async () => {
    renders++
    forgetPublicPages() // a change arrives while the page is being made
    return '<p>przed zmianą</p>'
  })
  assert.deepEqual(first.sent, ['<p>przed zmianą</p>'])
  const page = async () => {
    renders++
    return '<p>po zmianie</p>'
  }
  await renderPublic(visitor, reply().r, page)
  const third = reply()
  await renderPublic(visitor, third.r, page)
  assert.deepEqual(third.sent, ['<p>po zmianie</p>'])
  assert.equal(renders, 2, 'the page made after the change is kept and sent again')
})
