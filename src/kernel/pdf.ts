// PDFs drawn with pdfkit: a document with the fonts it needs, and the list people sign at a meeting
// or an event (lista obecności). Polish letters need a font that has them: DejaVu Sans (Bitstream
// Vera licence) from the dejavu-fonts-ttf package, embedded as a subset and registered as 'regular'
// and 'bold'. (The minutes' PDF/A names its fonts by path instead: meetings/minutes/export/pdf.ts.)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import { timeSlices } from './exports.ts'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
let fonts: { regular: Buffer; bold: Buffer } | undefined
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  }
  return fonts
}

/** A new document with DejaVu Sans as 'regular' and 'bold', and its bytes once it is ended. */
export function newPdf(options: PDFKit.PDFDocumentOptions) {
  const doc = new PDFDocument(options)
  doc.registerFont('regular', loadFonts().regular)
  doc.registerFont('bold', loadFonts().bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, bytes }
}

export interface SignatureListInput {
  /** BCP 47, for the document's language: 'pl-PL'. */
  lang: string
  title: string
  /** The lines under the title: the space or organiser, the time and place. */
  details: [label: string, value: string][]
  /** The columns before the signature's, each with its width in points; the signature's takes the rest. */
  columns: { header: string; width: number }[]
  signature: string
  /** One cell a column (the number is added before them). */
  rows: string[][]
  number: string
  /** "Strona 1 z 2" for each page. */
  pageLabel: (page: number, pages: number) => string
  /** Something drawn at the head of every page (a logo strip), this many points high. */
  head?: {
    height: number
    draw: (doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number }) => void
  }
}

const margin = 50
const tableWidth = 495 // A4 less the margins
const numberWidth = 28

/** The list to sign: a row tall enough to sign in for each person, and a few empty ones at the end. */
export async function signatureListPdf(input: SignatureListInput): Promise<Buffer> {
  const headHeight = input.head ? input.head.height + 14 : 0
  const { doc, bytes } = newPdf({
    size: 'A4',
    margins: { top: margin + headHeight, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: input.lang,
    displayTitle: true,
    info: { Title: input.title, Author: 'Siatka', Creator: 'Siatka', Subject: input.details[0]?.[1] ?? '' },
  })
  const given = input.columns.reduce((sum, c) => sum + c.width, numberWidth)
  const widths = [numberWidth, ...input.columns.map((c) => c.width), tableWidth - given]

  doc.font('bold').fontSize(16).text(input.title)
  doc.moveDown(0.5)
  for (const [label, value] of input.details) {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true })
    doc.font('regular').text(value)
  }
  doc.moveDown(1)

  const bottom = doc.page.height - margin - 20
  const cellText = (cells: string[], y: number, font: 'regular' | 'bold') => {
    let x = margin
    doc.font(font).fontSize(9)
    cells.forEach((text, i) => {
      doc.text(text, x + 4, y + 6, { width: widths[i] - 8 })
      x += widths[i]
    })
  }
  const heightOf = (cells: string[], font: 'regular' | 'bold', min: number) => {
    doc.font(font).fontSize(9)
    return Math.max(min, ...cells.map((text, i) => doc.heightOfString(text, { width: widths[i] - 8 }) + 12))
  }
  const rowLines = (y: number, h: number) => {
    let x = margin
    for (const w of widths) {
      doc.rect(x, y, w, h).stroke()
      x += w
    }
  }
  const header = () => {
    const cells = [input.number, ...input.columns.map((c) => c.header), input.signature]
    const y = doc.y
    const h = heightOf(cells, 'bold', 22)
    doc.save().rect(margin, y, tableWidth, h).fill('#e8e8e8').restore()
    doc.lineWidth(0.5).strokeColor('#000000')
    rowLines(y, h)
    cellText(cells, y, 'bold')
    doc.y = y + h
  }

  header()
  const empty = input.columns.map(() => '')
  const rows = [...input.rows, ...Array.from({ length: 3 }, () => empty)]
  // A list of thousands is drawn in slices, the event loop getting a turn between them.
  const pause = timeSlices(10)
  for (const [i, r] of rows.entries()) {
    const cells = [r.some(Boolean) ? `${i + 1}.` : '', ...r, '']
    const h = heightOf(cells, 'regular', 34)
    if (doc.y + h > bottom) {
      doc.addPage()
      header()
    }
    const y = doc.y
    rowLines(y, h)
    cellText(cells, y, 'regular')
    doc.y = y + h
    await pause()
  }

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The head and the footer sit in the margins, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0
    if (input.head) input.head.draw(doc, { x: margin, y: margin - 14, width: tableWidth })
    doc
      .font('regular')
      .fontSize(8)
      .text(input.pageLabel(i + 1, range.count), margin, doc.page.height - margin + 10, {
        width: tableWidth,
        align: 'right',
        lineBreak: false,
      })
  }
  doc.end()
  return bytes
}
