import assert from 'node:assert/strict'
import { test } from 'node:test'
import { markdownBlocks, safeMarkdown } from './markdown.ts'

test('markdown becomes plain HTML with the page typography', () => {
  const html = safeMarkdown('# Zasady\n\nTekst **ważny** i [link](https://example.pl).\n\n- a\n- b')
  assert.match(html, /<h3 class="govuk-heading-m">Zasady<\/h3>/)
  assert.match(html, /<strong>ważny<\/strong>/)
  assert.match(html, /<a href="https:\/\/example.pl" class="govuk-link">link<\/a>/)
  assert.match(html, /<ul class="govuk-list govuk-list--bullet">/)
})

test('headings moved below those of the page stay headings, and the list after one stays a list', () => {
  const html = safeMarkdown('# Regulamin\n\n## § 1. Zadania\n1. Pierwsze\n2. Drugie\n\n### Uwagi\n- a', 4)
  assert.match(html, /<h4 class="govuk-heading-m">Regulamin<\/h4>/)
  assert.match(
    html,
    /<h5 class="govuk-heading-m">§ 1\. Zadania<\/h5>\n<ol class="govuk-list govuk-list--number">/,
  )
  assert.match(html, /<li>Drugie<\/li>\n<\/ol>/)
  assert.match(html, /<h6 class="govuk-heading-s">Uwagi<\/h6>/)
})

test('script, raw HTML and javascript: links never survive', () => {
  const html = safeMarkdown(
    '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
  )
  // Typed tags stay visible as text, never as markup.
  assert.doesNotMatch(html, /<script|<img|href="javascript/i)
  assert.match(html, /&lt;script&gt;/)
})

test('a text rendered again gives the same HTML, at either heading level', () => {
  const text = '# Plan\n\nPierwszy *akapit*.'
  const first = safeMarkdown(text, 3)
  assert.equal(safeMarkdown(text, 3), first)
  assert.match(first, /<h3 class="govuk-heading-m">Plan<\/h3>/)
  assert.match(safeMarkdown(text, 4), /<h4 class="govuk-heading-m">Plan<\/h4>/)
})

test('typed minutes keep their line breaks and show formatting, never the asterisks', () => {
  const html = safeMarkdown('Otwarcie o 10:00.\nProwadzi **Anna Nowak**.', 5, { lineBreaks: true })
  assert.match(html, /Otwarcie o 10:00\.<br \/>\s*Prowadzi <strong>Anna Nowak<\/strong>\./)
  assert.doesNotMatch(html, /\*\*/)
  assert.match(safeMarkdown('# Wnioski', 5), /<h5 class="govuk-heading-m">Wnioski<\/h5>/)
})

test('markdown becomes blocks a document writer lays out: styled runs, list markers, tables', () => {
  const blocks = markdownBlocks(
    [
      'Rada **przyjęła** plan *z uwagami*.\nDruga linia.',
      '',
      '1. Pierwszy punkt',
      '2. Drugi z `kodem`',
      '   - zagnieżdżony',
      '',
      '> Cytat z [regulaminu](https://example.pl/r)',
      '',
      '| Wskaźnik | Wartość |',
      '| --- | --- |',
      '| Osoby | 260 |',
    ].join('\n'),
  )
  assert.deepEqual(blocks, [
    {
      type: 'text',
      style: 'paragraph',
      runs: [
        { text: 'Rada ' },
        { text: 'przyjęła', bold: true },
        { text: ' plan ' },
        { text: 'z uwagami', italic: true },
        { text: '.\nDruga linia.' },
      ],
      depth: 0,
    },
    { type: 'text', style: 'paragraph', runs: [{ text: 'Pierwszy punkt' }], marker: '1.', depth: 1 },
    {
      type: 'text',
      style: 'paragraph',
      runs: [{ text: 'Drugi z ' }, { text: 'kodem', code: true }],
      marker: '2.',
      depth: 1,
    },
    { type: 'text', style: 'paragraph', runs: [{ text: 'zagnieżdżony' }], marker: '•', depth: 2 },
    {
      type: 'text',
      style: 'quote',
      runs: [{ text: 'Cytat z regulaminu (https://example.pl/r)' }],
      depth: 0,
    },
    { type: 'table', header: ['Wskaźnik', 'Wartość'], rows: [['Osoby', '260']] },
  ])
})
