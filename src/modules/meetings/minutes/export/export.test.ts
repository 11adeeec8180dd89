import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'
import { inflateSync } from 'node:zlib'
import yauzl from 'yauzl'
import { translator } from '../../../../kernel/i18n.ts'
import '../../../../texts.ts'
import type { MinutesDocument } from '../document.ts'
import { minutesDocx, minutesFileName, minutesLayout, minutesOdt, minutesPdf } from './export.ts'

const pl = translator('pl')
const en = translator('en')

/** Minutes of a network's third meeting in 2026, still a draft: two items, one resolution, one action. */
function givenMinutes(change: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    spaceName: 'KST Ekonomii Społecznej',
    meeting: {
      kind: 'meeting',
      number: 3,
      year: 2026,
      // 10:00–14:30 on a Warsaw clock (summer time, UTC+2).
      startsAt: '2026-05-12T08:00:00Z',
      endsAt: '2026-05-12T12:30:00Z',
      place: 'Łódź, ul. Piotrkowska 104, sala 12',
      onlineUrl: 'https://spotkania.example.pl/kst-es',
    },
    revision: 1,
    status: 'draft',
    approvedAt: null,
    approvedBy: null,
    attendees: [
      {
        name: 'Żaneta Wąsowska',
        organisation: 'Fundacja Współpracy Źródłowej',
        presence: 'in_person',
        deputyFor: null,
      },
      {
        name: 'Łukasz Gęśla',
        organisation: 'Spółdzielnia Socjalna „Ślężanka”',
        presence: 'in_person',
        deputyFor: 'Bożena Ćwiek',
      },
      { name: 'Józef Źdźbło', organisation: 'ROPS w Łodzi', presence: 'online', deputyFor: null },
      {
        name: 'Bożena Ćwiek',
        organisation: 'Urząd Marszałkowski Województwa Łódzkiego',
        presence: 'absent',
        deputyFor: null,
      },
    ],
    opening: 'Posiedzenie otworzyła przewodnicząca, pani Żaneta Wąsowska.\n\nStwierdzono kworum.',
    items: [
      {
        position: 4,
        title: 'Przyjęcie planu pracy na 2027 r.',
        presenter: 'Łukasz Gęśla',
        kind: 'decision',
        summary: 'Członkowie omówili projekt planu.\nZgłoszono dwie uwagi.\n\nObie uwagi przyjęto.',
        decisions: [
          {
            number: '3/2026',
            title: 'w sprawie przyjęcia planu pracy na 2027 r.',
            body: 'Sieć przyjmuje plan pracy na 2027 r.\n\nUchwała wchodzi w życie z dniem podjęcia.',
            votes: { for: 12, against: 1, abstaining: 2 },
          },
        ],
        actions: [
          { title: 'Rozesłać przyjęty plan członkom sieci', owner: 'Sekretariat KST', dueOn: '2026-05-29' },
        ],
      },
      {
        position: 2,
        title: 'Informacja o działaniach sekretariatu',
        presenter: 'Józef Źdźbło',
        kind: 'information',
        summary: 'Sekretariat przedstawił sprawozdanie za I kwartał. Zażółć gęślą jaźń.',
        decisions: [],
        actions: [],
      },
    ],
    closing: 'Przewodnicząca zamknęła posiedzenie o godz. 14:30.',
    ...change,
  }
}

const approved = (): MinutesDocument =>
  givenMinutes({
    status: 'approved',
    revision: 2,
    approvedAt: '2026-06-02T10:00:00Z',
    approvedBy: 'Żaneta Wąsowska',
  })

async function unzip(bytes: Buffer) {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
  const entries: { name: string; method: number; extraLength: number }[] = []
  const files = new Map<string, string>()
  for await (const entry of zip.eachEntry()) {
    entries.push({
      name: entry.fileName,
      method: entry.compressionMethod,
      extraLength: entry.extraFieldLength,
    })
    files.set(entry.fileName, (await buffer(await zip.openReadStreamPromise(entry))).toString('utf8'))
  }
  return {
    entries,
    files,
    file: (name: string) => files.get(name) ?? assert.fail(`no ${name} in the package`),
  }
}

/**
 * Enough of XML 1.0 to catch what a hand-written writer gets wrong: unbalanced or crossed tags,
 * unescaped `<` or `&`, unquoted or repeated attributes, more than one root, a prefix never declared.
 */
function assertWellFormed(xml: string, name: string) {
  const body = xml.replace(/^<\?xml[^?]*\?>/, '')
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/
  const stack: string[] = []
  const prefixes = new Set(['xml', 'xmlns'])
  const used = new Set<string>()
  let roots = 0
  for (const m of body.matchAll(token)) {
    const [, closing, tag, attrs = '', selfClosing, text, stray] = m
    assert.equal(stray, undefined, `${name}: a "<" that opens no tag, at ${m.index}`)
    if (text !== undefined) {
      assert.ok(stack.length > 0 || text.trim() === '', `${name}: text outside the root element`)
      assert.doesNotMatch(text, badAmpersand, `${name}: a bare "&" in text`)
      continue
    }
    if (!tag) continue
    if (tag.includes(':')) used.add(tag.split(':')[0])
    if (closing) {
      assert.equal(attrs.trim(), '', `${name}: attributes on </${tag}>`)
      assert.equal(stack.pop(), tag, `${name}: </${tag}> closes another element`)
      continue
    }
    const names = new Set<string>()
    for (const [, attr, value] of attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      assert.ok(!names.has(attr), `${name}: ${attr} twice on <${tag}>`)
      names.add(attr)
      if (attr.startsWith('xmlns:')) prefixes.add(attr.slice(6))
      else if (attr.includes(':')) used.add(attr.split(':')[0])
      assert.doesNotMatch(value ?? '', badAmpersand, `${name}: a bare "&" in ${attr}`)
    }
    if (stack.length === 0) roots++
    if (!selfClosing) stack.push(tag)
  }
  assert.deepEqual(stack, [], `${name}: elements left open`)
  assert.equal(roots, 1, `${name}: one root element`)
  for (const p of used) assert.ok(prefixes.has(p), `${name}: prefix ${p} is not declared`)
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Word paragraphs as [style, text]: what a reader's navigation would list. */
function docxParagraphs(xml: string): [style: string, text: string][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => [
    /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    xmlText([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  ])
}

/** Word tables as rows of cell texts, each row marked if it is a header row. */
function docxTables(xml: string) {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) => ({
      header: row.includes('<w:tblHeader/>'),
      cells: [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) =>
        xmlText([...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      ),
    })),
  )
}

/** ODF headings as [level, text]. */
function odtHeadings(xml: string): [level: number, text: string][] {
  return [
    ...xml.matchAll(/<text:h text:style-name="Heading_20_(\d)" text:outline-level="(\d)">(.*?)<\/text:h>/g),
  ].map(([, style, level, text]) => {
    assert.equal(style, level, 'a heading style matches its outline level')
    return [Number(level), xmlText(text.replace(/<[^>]+>/g, ''))]
  })
}

/** The PDF's XMP packet (pdfkit leaves it uncompressed, as PDF/A asks). */
function xmp(pdf: Buffer): string {
  const text = pdf.toString('utf8')
  const start = text.indexOf('<?xpacket begin')
  const end = text.indexOf('<?xpacket end')
  assert.ok(start >= 0 && end > start, 'the PDF has an XMP packet')
  return text.slice(start, text.indexOf('?>', end) + 2)
}

/** The PDF's compressed streams, inflated: page contents among them. */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  const out: string[] = []
  for (const m of text.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length
    const end = text.indexOf('endstream', start)
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'))
    } catch {
      // a stream with trailing bytes pdfkit did not write; not page content
    }
  }
  return out
}

describe('minutes as DOCX', () => {
  test('headings are Word heading styles in the order of the agenda, numbered by position', async () => {
    const { file } = await unzip(await minutesDocx(givenMinutes(), pl, 'pl'))
    const headings = docxParagraphs(file('word/document.xml')).filter(([style]) =>
      style.startsWith('Heading'),
    )
    assert.deepEqual(headings, [
      ['Heading1', 'Protokół z III posiedzenia w 2026 r. – KST Ekonomii Społecznej'],
      ['Heading2', 'Lista obecności'],
      ['Heading3', 'Obecni osobiście (2)'],
      ['Heading3', 'Obecni online (1)'],
      ['Heading3', 'Nieobecni (1)'],
      ['Heading2', 'Otwarcie posiedzenia'],
      ['Heading2', '1. Informacja o działaniach sekretariatu'],
      ['Heading2', '2. Przyjęcie planu pracy na 2027 r.'],
      ['Heading3', 'Uchwała nr 3/2026 – w sprawie przyjęcia planu pracy na 2027 r.'],
      ['Heading3', 'Zadania do wykonania'],
      ['Heading2', 'Zamknięcie posiedzenia'],
    ])
    // Word's navigation pane and screen readers find headings by their outline level.
    assert.match(file('word/styles.xml'), /w:styleId="Heading2">[\s\S]*?<w:outlineLvl w:val="1"\/>/)
  })

  test('attendees, the vote and the action are tables whose first row is a header row', async () => {
    const { file } = await unzip(await minutesDocx(givenMinutes(), pl, 'pl'))
    const [inPerson, online, absent, vote, actions] = docxTables(file('word/document.xml'))
    for (const table of [inPerson, online, absent, vote, actions]) {
      assert.deepEqual(
        table.map((r) => r.header),
        table.map((_, i) => i === 0),
      )
    }
    assert.deepEqual(
      inPerson.map((r) => r.cells),
      [
        ['Lp.', 'Imię i nazwisko', 'Organizacja', 'W zastępstwie za'],
        ['1.', 'Żaneta Wąsowska', 'Fundacja Współpracy Źródłowej', ''],
        ['2.', 'Łukasz Gęśla', 'Spółdzielnia Socjalna „Ślężanka”', 'Bożena Ćwiek'],
      ],
    )
    assert.deepEqual(online[1].cells.slice(1, 3), ['Józef Źdźbło', 'ROPS w Łodzi'])
    assert.deepEqual(absent[1].cells.slice(1, 3), [
      'Bożena Ćwiek',
      'Urząd Marszałkowski Województwa Łódzkiego',
    ])
    assert.deepEqual(
      vote.map((r) => r.cells),
      [
        ['Za', 'Przeciw', 'Wstrzymało się'],
        ['12', '1', '2'],
      ],
    )
    assert.deepEqual(actions[1].cells, [
      'Rozesłać przyjęty plan członkom sieci',
      'Sekretariat KST',
      '29 maja 2026',
    ])
  })

  test('the draft says PROJEKT on every page and in its status, with the time in Warsaw and the place', async () => {
    const { file } = await unzip(await minutesDocx(givenMinutes(), pl, 'pl'))
    const texts = docxParagraphs(file('word/document.xml')).map(([, text]) => text)
    assert.equal(texts[1], 'PROJEKT protokołu – wersja robocza, nieprzyjęta')
    assert.ok(texts.includes('Termin: 12 maja 2026, 10:00–14:30'))
    assert.ok(texts.includes('Miejsce: Łódź, ul. Piotrkowska 104, sala 12'))
    assert.ok(texts.includes('Połączenie online: https://spotkania.example.pl/kst-es'))
    assert.ok(texts.includes('Sekretariat przedstawił sprawozdanie za I kwartał. Zażółć gęślą jaźń.'))
    assert.match(file('word/header1.xml'), /<w:t[^>]*>PROJEKT<\/w:t>/)
    assert.match(file('word/footer1.xml'), /Strona [\s\S]*PAGE[\s\S]* z [\s\S]*NUMPAGES/)
  })

  test('the core properties carry the title and Siatka, and the text is marked as Polish', async () => {
    const { file } = await unzip(await minutesDocx(givenMinutes(), pl, 'pl'))
    assert.match(
      file('docProps/core.xml'),
      /<dc:title>Protokół z III posiedzenia w 2026 r. – KST Ekonomii Społecznej<\/dc:title>/,
    )
    assert.match(file('docProps/core.xml'), /<dc:creator>Siatka<\/dc:creator>/)
    assert.match(file('word/styles.xml'), /<w:docDefaults>[\s\S]*<w:lang w:val="pl-PL"\/>/)
  })

  test('approved minutes name the approval and revision and carry no draft mark', async () => {
    const { files, file } = await unzip(await minutesDocx(approved(), pl, 'pl'))
    const texts = docxParagraphs(file('word/document.xml')).map(([, text]) => text)
    assert.equal(texts[1], 'Protokół przyjęty 2 czerwca 2026 przez: Żaneta Wąsowska. Wersja 2.')
    assert.ok(![...files.values()].some((xml) => xml.includes('PROJEKT')))
  })

  test('in English, the labels are English and the minutes keep their Polish text', async () => {
    const { file } = await unzip(await minutesDocx(givenMinutes(), en, 'en'))
    const texts = docxParagraphs(file('word/document.xml')).map(([, text]) => text)
    assert.equal(texts[0], 'Minutes of meeting III of 2026 – KST Ekonomii Społecznej')
    assert.equal(texts[1], 'DRAFT minutes – working text, not approved')
    for (const label of [
      'Present in person (2)',
      'Absent (1)',
      'Resolution No. 3/2026 – w sprawie przyjęcia planu pracy na 2027 r.',
      'Action items',
      'Date and time: 12 May 2026, 10:00–14:30',
      'Kind of item: Decision',
    ]) {
      assert.ok(texts.includes(label), label)
    }
    assert.deepEqual(docxTables(file('word/document.xml'))[3][0].cells, ['For', 'Against', 'Abstaining'])
    assert.match(file('word/styles.xml'), /<w:lang w:val="en-GB"\/>/)
    assert.match(file('word/header1.xml'), />DRAFT</)
  })
})

describe('minutes as ODT', () => {
  test('the package starts with the mimetype, stored, and its manifest lists every file', async () => {
    const bytes = await minutesOdt(givenMinutes(), pl, 'pl')
    const mimetype = 'application/vnd.oasis.opendocument.text'
    // What file(1) and browsers read: the first local header, method 0, no extra field, then the type.
    assert.equal(bytes.readUInt32LE(0), 0x04034b50)
    assert.equal(bytes.readUInt16LE(8), 0, 'stored, not deflated')
    assert.equal(bytes.readUInt16LE(28), 0, 'no extra field')
    assert.equal(bytes.toString('ascii', 30, 38), 'mimetype')
    assert.equal(bytes.toString('ascii', 38, 38 + mimetype.length), mimetype)

    const { entries, files, file } = await unzip(bytes)
    assert.deepEqual(entries[0], { name: 'mimetype', method: 0, extraLength: 0 })
    assert.equal(file('mimetype'), mimetype)
    const manifest = file('META-INF/manifest.xml')
    const listed = [...manifest.matchAll(/manifest:full-path="([^"]+)"/g)].map((m) => m[1])
    assert.deepEqual(
      listed.sort(),
      ['/', ...[...files.keys()].filter((n) => n !== 'mimetype' && !n.startsWith('META-INF/'))].sort(),
    )
    assert.match(
      manifest,
      new RegExp(`full-path="/" manifest:version="1.3" manifest:media-type="${mimetype}"`),
    )
    for (const [name, xml] of files) if (name.endsWith('.xml')) assertWellFormed(xml, name)
  })

  test('headings are outline-levelled text:h in heading styles that the styles define', async () => {
    const { file } = await unzip(await minutesOdt(givenMinutes(), pl, 'pl'))
    assert.deepEqual(odtHeadings(file('content.xml')), [
      [1, 'Protokół z III posiedzenia w 2026 r. – KST Ekonomii Społecznej'],
      [2, 'Lista obecności'],
      [3, 'Obecni osobiście (2)'],
      [3, 'Obecni online (1)'],
      [3, 'Nieobecni (1)'],
      [2, 'Otwarcie posiedzenia'],
      [2, '1. Informacja o działaniach sekretariatu'],
      [2, '2. Przyjęcie planu pracy na 2027 r.'],
      [3, 'Uchwała nr 3/2026 – w sprawie przyjęcia planu pracy na 2027 r.'],
      [3, 'Zadania do wykonania'],
      [2, 'Zamknięcie posiedzenia'],
    ])
    const styles = file('styles.xml')
    for (const level of [1, 2, 3]) {
      assert.match(
        styles,
        new RegExp(
          `style:name="Heading_20_${level}" style:display-name="Heading ${level}"[^>]*style:default-outline-level="${level}"`,
        ),
      )
    }
  })

  test('tables have header rows, the vote and the Polish letters come through', async () => {
    const { file } = await unzip(await minutesOdt(givenMinutes(), pl, 'pl'))
    const content = file('content.xml')
    assert.equal(content.match(/<table:table-header-rows>/g)?.length, 5)
    const rows = [...content.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map(([, row]) =>
      [...row.matchAll(/<text:p[^>]*>(.*?)<\/text:p>/g)].map(([, t]) => xmlText(t)),
    )
    assert.ok(rows.some((r) => r.join('|') === 'Za|Przeciw|Wstrzymało się'))
    assert.ok(rows.some((r) => r.join('|') === '12|1|2'))
    assert.ok(
      rows.some((r) => r.join('|') === '2.|Łukasz Gęśla|Spółdzielnia Socjalna „Ślężanka”|Bożena Ćwiek'),
    )
    // A newline inside a paragraph is a line break; a blank line starts a new paragraph.
    assert.match(
      content,
      /Członkowie omówili projekt planu\.<text:line-break\/>Zgłoszono dwie uwagi\.<\/text:p>/,
    )
    assert.match(content, /<text:p text:style-name="Text_20_body">Obie uwagi przyjęto\.<\/text:p>/)
  })

  test('the metadata has the title, language and generator; the draft mark heads every page', async () => {
    const { file } = await unzip(await minutesOdt(givenMinutes(), pl, 'pl'))
    const meta = file('meta.xml')
    assert.match(meta, /<dc:title>Protokół z III posiedzenia w 2026 r. – KST Ekonomii Społecznej<\/dc:title>/)
    assert.match(meta, /<dc:language>pl-PL<\/dc:language>/)
    assert.match(meta, /<meta:generator>Siatka<\/meta:generator>/)
    const styles = file('styles.xml')
    assert.match(styles, /fo:language="pl" fo:country="PL"/)
    assert.match(styles, /<style:header><text:p text:style-name="Header">PROJEKT<\/text:p><\/style:header>/)
    assert.match(
      styles,
      /Strona <text:page-number[^>]*>1<\/text:page-number> z <text:page-count>1<\/text:page-count>/,
    )

    const final = await unzip(await minutesOdt(approved(), en, 'en'))
    assert.doesNotMatch(final.file('styles.xml'), /<style:header>/)
    assert.match(
      final.file('styles.xml'),
      /Page <text:page-number[^>]*>1<\/text:page-number> of <text:page-count>/,
    )
    assert.match(final.file('meta.xml'), /<dc:language>en-GB<\/dc:language>/)
    assert.deepEqual(odtHeadings(final.file('content.xml')).slice(2, 5), [
      [3, 'Present in person (2)'],
      [3, 'Present online (1)'],
      [3, 'Absent (1)'],
    ])
  })
})

describe('minutes as PDF/A', () => {
  test('the file declares PDF/A-1a, embeds DejaVu and never names Helvetica', async () => {
    const pdf = await minutesPdf(givenMinutes(), pl, 'pl')
    const text = pdf.toString('latin1')
    assert.equal(text.slice(0, 8), '%PDF-1.4')
    const meta = xmp(pdf)
    assert.match(meta, /<pdfaid:part>1<\/pdfaid:part>/)
    assert.match(meta, /<pdfaid:conformance>A<\/pdfaid:conformance>/)
    assertWellFormed(meta.replace(/<\?xpacket[^?]*\?>/g, ''), 'XMP')
    assert.match(text, /\/OutputIntents/)
    assert.match(text, /\/FontFile2/)
    assert.match(text, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/)
    assert.doesNotMatch(text, /Helvetica/)
  })

  test('it is tagged, in Polish, with its title shown and a structure of headings, paragraphs and tables', async () => {
    const pdf = await minutesPdf(givenMinutes(), pl, 'pl')
    const text = pdf.toString('latin1')
    assert.match(text, /\/Lang \(pl-PL\)/)
    assert.match(text, /\/MarkInfo/)
    assert.match(text, /\/Marked true/)
    assert.match(text, /\/StructTreeRoot/)
    assert.match(text, /\/DisplayDocTitle true/)
    const count = (type: string) => text.match(new RegExp(`/S /${type}\\b`, 'g'))?.length ?? 0
    assert.equal(count('H1'), 1)
    assert.equal(count('H2'), 5)
    assert.equal(count('H3'), 5)
    assert.equal(count('Table'), 5)
    assert.equal(count('TH'), 4 * 3 + 3 + 3)
    assert.ok((text.match(/\/Type \/Page\b/g)?.length ?? 0) > 0, 'at least one page')
    // Each page's header and footer are artifacts, outside the structure a screen reader follows.
    const pages = pdfStreams(pdf).filter((s) => s.includes(' BDC'))
    assert.ok(pages.length > 0)
    for (const page of pages) assert.match(page, /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC[\s\S]*?EMC/)
    assert.ok(pages.some((page) => /\/H1 <<\s*\/MCID 0\s*>> BDC/.test(page)))
    assert.match(
      xmp(pdf),
      /<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Protokół z III posiedzenia w 2026 r. – KST Ekonomii Społecznej<\/rdf:li>/,
    )
  })

  test('a draft says so in its metadata; approved minutes do not', async () => {
    const draft = xmp(await minutesPdf(givenMinutes(), en, 'en'))
    assert.match(draft, /<pdf:Keywords>DRAFT<\/pdf:Keywords>/)
    assert.match(draft, /<rdf:li xml:lang="x-default">DRAFT minutes – working text, not approved<\/rdf:li>/)
    assert.match(draft, /Minutes of meeting III of 2026 – KST Ekonomii Społecznej/)
    // Sent for comments, the text is still a draft until it is approved.
    const consulted = xmp(await minutesPdf(givenMinutes({ status: 'consultation' }), pl, 'pl'))
    assert.match(consulted, /<pdf:Keywords>PROJEKT<\/pdf:Keywords>/)
    assert.match(consulted, /PROJEKT protokołu – przekazany członkom do uwag/)
    const final = xmp(await minutesPdf(approved(), en, 'en'))
    assert.doesNotMatch(final, /DRAFT/)
    assert.match(final, /Minutes approved on 2 June 2026 by Żaneta Wąsowska\. Revision 2\./)
  })

  // Issue 16, item 5: pdfkit lays out synchronously; the writer gives the event loop turns between
  // blocks, table rows and pages. Before, a timer could not run once while minutes of thirty items
  // were written (about 3 s here); now it runs every few tens of ms.
  test('long minutes let other work run while their PDF is written', async () => {
    const base = givenMinutes()
    const item = base.items[0]
    const long = givenMinutes({
      attendees: Array.from({ length: 40 }, (_, i) => ({ ...base.attendees[i % 4], name: `Osoba ${i + 1}` })),
      items: Array.from({ length: 30 }, (_, i) => ({
        ...item,
        position: i + 1,
        summary: `${item.summary}\n\n${'Członkowie omówili projekt dokumentu. '.repeat(30)}`,
      })),
    })
    let turns = 0
    const timer = setInterval(() => turns++, 1)
    const start = performance.now()
    const pdf = await minutesPdf(long, pl, 'pl')
    const ms = performance.now() - start
    clearInterval(timer)
    assert.equal(pdf.toString('latin1', 0, 5), '%PDF-')
    assert.ok(turns >= Math.min(10, ms / 50), `${turns} turns of the event loop in ${ms.toFixed(0)} ms`)
  })
})

describe('what every format shares', () => {
  test('text that looks like markup or holds control characters stays plain, well-formed text', async () => {
    const doc = givenMinutes({
      spaceName: 'KST „Praca & Integracja” <2026>',
      opening: 'Otwarto\u0007 posiedzenie\u0000 </text:p><b>',
    })
    const odt = await unzip(await minutesOdt(doc, pl, 'pl'))
    for (const [name, xml] of odt.files) if (name.endsWith('.xml')) assertWellFormed(xml, name)
    assert.match(odt.file('content.xml'), /Otwarto posiedzenie &lt;\/text:p&gt;&lt;b&gt;/)
    assert.match(odt.file('meta.xml'), /KST „Praca &amp; Integracja” &lt;2026&gt;/)

    const docx = await unzip(await minutesDocx(doc, pl, 'pl'))
    assertWellFormed(docx.file('word/document.xml'), 'document.xml')
    assertWellFormed(docx.file('docProps/core.xml'), 'core.xml')
    assert.ok(
      docxParagraphs(docx.file('word/document.xml')).some(
        ([, t]) => t === 'Otwarto posiedzenie </text:p><b>',
      ),
    )

    // pdfkit copies the title into the XMP unescaped: look-alikes keep it well-formed.
    const meta = xmp(await minutesPdf(doc, pl, 'pl'))
    assertWellFormed(meta.replace(/<\?xpacket[^?]*\?>/g, ''), 'XMP')
    assert.match(meta, /KST „Praca ＆ Integracja” ‹2026›/)
  })

  test('Markdown in the minutes is formatting in every format, never asterisks', async () => {
    const doc = givenMinutes({
      opening:
        'Posiedzenie otworzyła **Żaneta Wąsowska**.\nProwadzi *Józef Źdźbło*.\n\n1. Przyjęto porządek\n2. Omówiono `plan.xlsx`\n\n> Uwagi na [stronie](https://example.pl/uwagi)',
    })
    const layout = minutesLayout(doc, pl, 'pl')
    const opening = layout.blocks.filter((b) => b.type === 'text').slice(0, 4)
    assert.deepEqual(opening, [
      {
        type: 'text',
        style: 'paragraph',
        runs: [
          { text: 'Posiedzenie otworzyła ' },
          { text: 'Żaneta Wąsowska', bold: true },
          { text: '.\nProwadzi ' },
          { text: 'Józef Źdźbło', italic: true },
          { text: '.' },
        ],
        depth: 0,
        indent: 0,
      },
      {
        type: 'text',
        style: 'paragraph',
        runs: [{ text: 'Przyjęto porządek' }],
        marker: '1.',
        depth: 1,
        indent: 1,
      },
      {
        type: 'text',
        style: 'paragraph',
        runs: [{ text: 'Omówiono ' }, { text: 'plan.xlsx', code: true }],
        marker: '2.',
        depth: 1,
        indent: 1,
      },
      {
        type: 'text',
        style: 'quote',
        runs: [{ text: 'Uwagi na stronie (https://example.pl/uwagi)' }],
        depth: 0,
        // A quote sits one level in.
        indent: 1,
      },
    ])

    const docx = (await unzip(await minutesDocx(doc, pl, 'pl'))).file('word/document.xml')
    assert.doesNotMatch(docx, /\*\*|`/)
    assert.match(docx, /<w:b\/>[\s\S]*?<w:t[^>]*>Żaneta Wąsowska<\/w:t>/)
    assert.match(docx, /<w:i\/>[\s\S]*?<w:t[^>]*>Józef Źdźbło<\/w:t>/)
    assert.ok(docxParagraphs(docx).some(([, t]) => t === '1. Przyjęto porządek'))
    assert.match(docx, /<w:rFonts w:ascii="Courier New"[^>]*\/>[\s\S]*?plan\.xlsx/)

    const odt = await unzip(await minutesOdt(doc, pl, 'pl'))
    const content = odt.file('content.xml')
    assertWellFormed(content, 'content.xml')
    assert.doesNotMatch(content, /\*\*|`/)
    assert.match(content, /<text:span text:style-name="Strong_20_Emphasis">Żaneta Wąsowska<\/text:span>/)
    assert.match(content, /<text:span text:style-name="Emphasis">Józef Źdźbło<\/text:span>/)
    assert.match(content, /<text:span text:style-name="Source_20_Text">plan\.xlsx<\/text:span>/)
    assert.match(content, /<text:p text:style-name="P1">1\. Przyjęto porządek<\/text:p>/)
    for (const style of ['Emphasis', 'Source_20_Text'])
      assert.match(odt.file('styles.xml'), new RegExp(`style:name="${style}"`))

    // The PDF embeds the italic and fixed-width faces it writes them in.
    const pdf = (await minutesPdf(doc, pl, 'pl')).toString('latin1')
    for (const font of ['DejaVuSans-Oblique', 'DejaVuSansMono']) assert.match(pdf, new RegExp(font))
  })

  test('the minutes end with who recorded and who approved them, in which function and when', async () => {
    const signed = {
      ...approved(),
      recordedBy: { name: 'Sylwia Sekretarz', function: 'secretary', on: '2026-05-20T12:00:00Z' },
      approverFunction: 'vice_chair',
    } satisfies MinutesDocument
    const block = minutesLayout(signed, pl, 'pl').blocks.at(-1)
    assert.deepEqual(block, {
      type: 'table',
      caption: 'Podpisy',
      columns: [
        { header: '', width: 0.22 },
        { header: 'Imię i nazwisko', width: 0.3 },
        { header: 'Funkcja', width: 0.26 },
        { header: 'Data', width: 0.22 },
      ],
      rows: [
        ['Protokołował(a)', 'Sylwia Sekretarz', 'Sekretarz', '20 maja 2026'],
        ['Zatwierdził(a)', 'Żaneta Wąsowska', 'Wiceprzewodniczący(-a)', '2 czerwca 2026'],
      ],
    })
    // In each file too.
    const docx = await unzip(await minutesDocx(signed, pl, 'pl'))
    assert.match(
      docx.file('word/document.xml'),
      /Protokołował\(a\).*Sylwia Sekretarz.*Zatwierdził\(a\).*Żaneta Wąsowska/s,
    )
    const odt = await unzip(await minutesOdt(signed, pl, 'pl'))
    assert.match(odt.file('content.xml'), /Protokołował\(a\).*Sylwia Sekretarz.*Wiceprzewodniczący\(-a\)/s)
    // A draft leaves the approval's name and date to be filled in.
    const draft = {
      ...signed,
      status: 'consultation',
      approvedBy: null,
      approvedAt: null,
      approverFunction: null,
    } satisfies MinutesDocument
    const rows = (minutesLayout(draft, pl, 'pl').blocks.at(-1) as { rows: string[][] }).rows
    assert.deepEqual(rows[1], ['Zatwierdził(a)', '', '', ''])
    // A revision frozen before the block existed is shown as it was, without one.
    const old = minutesLayout(approved(), pl, 'pl').blocks.at(-1)
    assert.notEqual(old?.type === 'table' ? old.caption : '', 'Podpisy')
  })

  test('a meeting over two days shows both ends on a Warsaw clock', () => {
    const doc = givenMinutes()
    doc.meeting = { ...doc.meeting, startsAt: '2026-10-24T07:00:00Z', endsAt: '2026-10-25T12:00:00Z' }
    const when = minutesLayout(doc, pl, 'pl').blocks.find((b) => b.type === 'field')
    // 9:00 in summer time on Saturday, 13:00 in winter time on Sunday.
    assert.deepEqual(when, {
      type: 'field',
      label: 'Termin',
      value: '24 paź 2026, 09:00 – 25 paź 2026, 13:00',
    })
  })

  test('an empty opening or closing leaves out its heading, and an empty group says so', async () => {
    const doc = givenMinutes({ opening: '  \n\n ', closing: '' })
    doc.attendees = doc.attendees.filter((a) => a.presence !== 'online')
    const { file } = await unzip(await minutesOdt(doc, pl, 'pl'))
    const headings = odtHeadings(file('content.xml')).map(([, t]) => t)
    assert.ok(!headings.includes('Otwarcie posiedzenia'))
    assert.ok(!headings.includes('Zamknięcie posiedzenia'))
    assert.match(
      file('content.xml'),
      /Obecni online \(0\)<\/text:h>\n<text:p text:style-name="Text_20_body">Brak\.<\/text:p>/,
    )
  })

  test('file names are ASCII, carry the meeting, the space and the revision, and mark a draft', () => {
    assert.equal(
      minutesFileName(givenMinutes(), 'docx'),
      'protokol-III-2026-kst-ekonomii-spolecznej-r1-projekt.docx',
    )
    assert.equal(minutesFileName(approved(), 'pdf'), 'protokol-III-2026-kst-ekonomii-spolecznej-r2.pdf')
    const visit = givenMinutes({
      spaceName: 'Łódzka Grupa Źródeł – „Żółć” & Ślęża',
      meeting: { ...givenMinutes().meeting, kind: 'study_visit', number: 14 },
      status: 'approved',
    })
    assert.equal(
      minutesFileName(visit, 'odt'),
      'protokol-wizyta-XIV-2026-lodzka-grupa-zrodel-zolc-sleza-r1.odt',
    )
  })
})

// Apache PDFBox's Preflight (Debian's libpdfbox2-java; .ci/run installs it) checks the PDF/A-1b rules
// an archive asks of the file; the level A structure is checked above.
const preflightClassPath = [
  'preflight',
  'pdfbox2',
  'fontbox2',
  'xmpbox',
  'commons-logging',
  'javax.activation',
  'jaxb-api',
]
  .map((j) => `/usr/share/java/${j}.jar`)
  .join(':')

test('Apache PDFBox Preflight finds the minutes valid PDF/A, a letter DejaVu lacks included', async (t) => {
  if (!existsSync('/usr/share/java/preflight.jar')) {
    t.skip('Preflight is not installed: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'siatka-pdfa-'))
  try {
    const minutes = givenMinutes()
    const cases = [
      [
        'approved.pdf',
        { ...minutes, opening: '**Zażółć** *gęślą* ***jaźń***\n\n- `kod` i lista\n\n> cytat' },
        pl,
      ],
      [
        'draft.pdf',
        { ...minutes, status: 'draft', approvedAt: null, approvedBy: null, opening: 'Zażółć 漢字 ✓' },
        en,
      ],
    ] as const
    for (const [name, doc, t] of cases) {
      const file = join(dir, name)
      writeFileSync(file, await minutesPdf(doc as MinutesDocument, t, t === pl ? 'pl' : 'en'))
      const run = await promisify(execFile)(
        'java',
        ['-cp', preflightClassPath, 'org.apache.pdfbox.preflight.Validator_A1b', file],
        {
          timeout: 120_000,
        },
      ).catch((err: { stdout?: string; stderr?: string }) => ({
        stdout: err.stdout ?? '',
        stderr: err.stderr ?? '',
      }))
      assert.match(run.stdout, /is a valid PDF\/A-1b file/, `${name}: ${run.stdout}\n${run.stderr}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
