// The attendance list for signing (lista obecności), as a PDF. Polish letters need a font that has
// them: DejaVu Sans (Bitstream Vera licence) from the dejavu-fonts-ttf package, embedded as a subset.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
let fonts: { regular: Buffer; bold: Buffer } | undefined
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  }
  return fonts
}

export interface AttendanceListInput {
  /** BCP 47, for the document's language: 'pl-PL'. */
  lang: string
  title: string
  /** The lines under the title: the space, the meeting's time and place. */
  details: [label: string, value: string][]
  headers: { number: string; name: string; organisation: string; role: string; signature: string }
  rows: { name: string; organisation: string; role: string }[]
  /** "Strona 1 z 2" for each page. */
  pageLabel: (page: number, pages: number) => string
}

const margin = 50
const columns = [28, 140, 130, 97, 100] // 495 pt: A4 less the margins

export async function attendanceListPdf(input: AttendanceListInput): Promise<Buffer> {
  const { regular, bold } = loadFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    lang: input.lang,
    displayTitle: true,
    info: { Title: input.title, Author: 'Siatka', Creator: 'Siatka', Subject: input.details[0]?.[1] ?? '' },
  })
  doc.registerFont('regular', regular)
  doc.registerFont('bold', bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

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
      doc.text(text, x + 4, y + 6, { width: columns[i] - 8 })
      x += columns[i]
    })
  }
  const heightOf = (cells: string[], font: 'regular' | 'bold', min: number) => {
    doc.font(font).fontSize(9)
    return Math.max(min, ...cells.map((text, i) => doc.heightOfString(text, { width: columns[i] - 8 }) + 12))
  }
  const rowLines = (y: number, h: number) => {
    let x = margin
    for (const w of columns) {
      doc.rect(x, y, w, h).stroke()
      x += w
    }
  }
  const header = () => {
    const cells = [
      input.headers.number,
      input.headers.name,
      input.headers.organisation,
      input.headers.role,
      input.headers.signature,
    ]
    const y = doc.y
    const h = heightOf(cells, 'bold', 22)
    doc.save().rect(margin, y, 495, h).fill('#e8e8e8').restore()
    doc.lineWidth(0.5).strokeColor('#000000')
    rowLines(y, h)
    cellText(cells, y, 'bold')
    doc.y = y + h
  }

  header()
  // A row tall enough to sign in; a few empty ones at the end for those not on the list.
  const rows = [...input.rows, ...Array.from({ length: 3 }, () => ({ name: '', organisation: '', role: '' }))]
  rows.forEach((r, i) => {
    const cells = [r.name ? `${i + 1}.` : '', r.name, r.organisation, r.role, '']
    const h = heightOf(cells, 'regular', 34)
    if (doc.y + h > bottom) {
      doc.addPage()
      header()
    }
    const y = doc.y
    rowLines(y, h)
    cellText(cells, y, 'regular')
    doc.y = y + h
  })

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .text(input.pageLabel(i + 1, range.count), margin, doc.page.height - margin + 10, {
        width: 495,
        align: 'right',
        lineBreak: false,
      })
  }
  doc.end()
  return done
}
