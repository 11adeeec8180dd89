// The minutes as PDF/A-1a, for the archive (Apache PDFBox Preflight finds them valid PDF/A-1b): fonts embedded (DejaVu Sans, which has the Polish
// letters; PDF/A forbids the unembedded standard 14 fonts, so pdfkit's default Helvetica is never
// loaded), an sRGB output intent and XMP identification from pdfkit's PDF/A subset, and a tagged
// structure (H1–H3, P, Table with TH header cells) that level A asks for and screen readers use.
// Page headers and footers are marked as artifacts, outside the structure.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { timeSlices } from '../../../../kernel/exports.ts'
import type { MarkdownBlock, MarkdownRun } from '../../../../kernel/markdown.ts'
import type { Block, MinutesLayout } from './export.ts'

type MarkdownBlockStyle = Extract<MarkdownBlock, { type: 'text' }>['style']

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const regularPath = join(fontDir, 'DejaVuSans.ttf')
const boldPath = join(fontDir, 'DejaVuSans-Bold.ttf')
const italicPath = join(fontDir, 'DejaVuSans-Oblique.ttf')
const boldItalicPath = join(fontDir, 'DejaVuSans-BoldOblique.ttf')
const monoPath = join(fontDir, 'DejaVuSansMono.ttf')
// Fonts are named by their paths, never registered under a name or given as bytes: pdfkit keeps
// an opened font under the key it was asked for, and a table cell asks again with the current
// font's source. Under another key (a registered name, or bytes, which are no key at all) the
// whole font was read and parsed again for every cell and every switch: 1.4 of the 1.9 s that
// minutes of eight items took.
const face = {
  regular: regularPath,
  bold: boldPath,
  italic: italicPath,
  boldItalic: boldItalicPath,
  mono: monoPath,
} as const
type Face = keyof typeof face
let fonts: Buffer[] | undefined
const loadFonts = () => {
  fonts ??= Object.values(face).map((path) => readFileSync(path))
  return fonts
}

let glyphs: ((codePoint: number) => boolean) | undefined
/**
 * PDF/A refuses text drawn with a font's "missing" glyph: a character neither DejaVu font has (a CJK
 * letter, say) is printed as the replacement sign instead, everywhere in the layout.
 */
function printable(layout: MinutesLayout): MinutesLayout {
  if (!glyphs) {
    // Every face the minutes may use must have the letter: a quote's italics, a code's fixed width.
    const faces = loadFonts().map((f) => fontkit.create(f) as fontkit.Font)
    // Each character's answer is kept: asking both fonts for every letter took 50–100 ms for
    // minutes of thirty items.
    const known = new Map<number, boolean>()
    glyphs = (c) => {
      let has = known.get(c)
      if (has === undefined) {
        has = faces.every((f) => f.hasGlyphForCodePoint(c))
        known.set(c, has)
      }
      return has
    }
  }
  const has = glyphs
  const clean = (text: string) => {
    let out = ''
    for (const ch of text) out += /\s/.test(ch) || has(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD'
    return out
  }
  return JSON.parse(JSON.stringify(layout), (_k, v) => (typeof v === 'string' ? clean(v) : v))
}

const margin = { top: 64, bottom: 64, left: 57, right: 57 }
const headingSizes = { 1: 17, 2: 13.5, 3: 11.5 } as const
const bodySize = 10
// One level of a list (or a quote) in the minutes' texts: 1 cm.
const indentStep = 28
const tableSize = 9

// pdfkit's types lack the table's structParent, which makes it a tagged Table (TR, TH, TD).
type Struct = PDFKit.PDFStructureElement
type TableOptions = PDFKit.Mixins.TableOptions & { structParent: Struct }
type Cell = { text: string; type?: 'TH'; scope?: 'Column'; font?: { src: string }; backgroundColor?: string }

// pdfkit lays text out synchronously: a long document would hold the event loop for its whole
// length (hundreds of ms for minutes of thirty items). The writer gives the loop a turn whenever
// it has worked 10 ms since the last, between blocks, table rows and pages.
export async function minutesPdfFile(given: MinutesLayout): Promise<Buffer> {
  const pause = timeSlices()
  const layout = printable(given)
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    // PDF/A-1 is based on PDF 1.4; pdfkit writes the XMP metadata only above its default 1.3, and
    // for part 1 the CIDSet of each subset font that Preflight asks for.
    pdfVersion: '1.4',
    subset: 'PDF/A-1a',
    tagged: true,
    lang: layout.lang,
    displayTitle: true,
    // The font the document starts with: without it pdfkit loads Helvetica.
    font: regularPath,
    info: {
      Title: xmpSafe(layout.title),
      Author: 'Siatka',
      Creator: 'Siatka',
      Subject: xmpSafe(layout.status),
      ...(layout.draftMark ? { Keywords: xmpSafe(layout.draftMark) } : {}),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const width = doc.page.width - margin.left - margin.right
  const root = doc.struct('Document')
  doc.addStructure(root)
  // Keeps a heading, a caption or a table's header row off the bottom of a page.
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.maxY()) doc.addPage()
  }
  const runs = (parts: [font: Face, text: string][], size: number, indent = 0) => {
    // Later parts continue the first one's line, where it left off.
    parts.forEach(([font, text], i) => {
      doc
        .font(face[font])
        .fontSize(size)
        .text(text, i === 0 ? margin.left + indent : undefined, undefined, {
          width: width - indent,
          lineGap: 2,
          continued: i < parts.length - 1,
        })
    })
  }
  const paragraph = (type: string, parts: [font: Face, text: string][], size = bodySize) => {
    root.add(doc.struct(type, {}, () => runs(parts, size)))
  }

  for (const b of layout.blocks) {
    await pause()
    switch (b.type) {
      case 'heading':
        if (b.level > 1) doc.moveDown(b.level === 2 ? 1 : 0.6)
        keepRoom(headingSizes[b.level] * 4)
        paragraph(`H${b.level}`, [['bold', b.text]], headingSizes[b.level])
        doc.moveDown(0.4)
        break
      case 'paragraph':
        paragraph('P', [[b.strong ? 'bold' : 'regular', b.text]])
        doc.moveDown(0.4)
        break
      case 'field':
        paragraph('P', [
          ['bold', `${b.label}: `],
          ['regular', b.value],
        ])
        doc.moveDown(0.2)
        break
      case 'text': {
        // A list item's marker stands in front of its text; a quote and a code block sit indented.
        const indent = indentStep * b.indent
        const parts: [Face, string][] = b.runs.map((r) => [runFace(r, b.style), r.text])
        if (b.marker) parts.unshift(['regular', `${b.marker} `])
        if (b.style === 'heading') keepRoom(bodySize * 4)
        root.add(doc.struct('P', {}, () => runs(parts, bodySize, indent)))
        doc.moveDown(b.marker ? 0.15 : 0.4)
        break
      }
      case 'table':
        keepRoom(bodySize * 7)
        if (b.caption) {
          paragraph('P', [['bold', b.caption]])
          doc.moveDown(0.2)
        }
        await table(doc, root, b, width, pause)
        doc.moveDown(0.8)
        break
    }
  }
  root.end()

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    await pause()
    doc.switchToPage(i)
    // Both lines sit in the margins, where pdfkit would otherwise start a new page.
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }
    doc.markContent('Artifact', { type: 'Pagination' })
    if (layout.draftMark) {
      doc
        .font(face.bold)
        .fontSize(12)
        .text(layout.draftMark, margin.left, 30, { width, align: 'right', lineBreak: false })
    }
    const label = layout.pageLabel
      .map((part) => (typeof part === 'string' ? part : String(part.field === 'page' ? i + 1 : range.count)))
      .join('')
    doc
      .font(face.regular)
      .fontSize(8)
      .text(label, margin.left, doc.page.height - 40, { width, align: 'right', lineBreak: false })
    doc.endMarkedContent()
  }
  doc.end()
  return done
}

function runFace(r: MarkdownRun, style: MarkdownBlockStyle): Face {
  if (r.code) return 'mono'
  const bold = r.bold || style === 'heading'
  const italic = r.italic || style === 'quote'
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular'
}

async function table(
  doc: PDFKit.PDFDocument,
  root: Struct,
  b: Extract<Block, { type: 'table' }>,
  width: number,
  pause: () => Promise<void>,
) {
  const header: Cell[] = b.columns.map((c) => ({
    text: c.header,
    type: 'TH',
    scope: 'Column',
    font: { src: face.bold },
    backgroundColor: '#e8e8e8',
  }))
  const options: TableOptions = {
    structParent: root,
    position: { x: margin.left, y: doc.y },
    columnStyles: b.columns.map((c) => c.width * width),
    defaultStyle: { border: 0.5, borderColor: '#000000', padding: 4 },
  }
  doc.font(face.regular).fontSize(tableSize)
  const t = doc.table(options)
  t.row(header)
  for (const row of b.rows) {
    await pause()
    t.row(row)
  }
  t.end()
  doc.x = margin.left
}

/**
 * pdfkit copies the title and subject into the XMP metadata without escaping them, and PDF/A wants
 * the two to match: the three characters XML reserves get look-alikes instead.
 */
function xmpSafe(text: string): string {
  return text.replace(/&/g, '\uFF06').replace(/</g, '\u2039').replace(/>/g, '\u203A')
}
