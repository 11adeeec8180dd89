// The minutes as a Word document (docx). Headings use Word's own Heading 1–3 styles and tables
// mark their first row as a header row, so a screen reader and Word's navigation pane see the
// structure; the document's language is set on its default text, which spell-checks it too.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Block, MinutesLayout } from './export.ts'

// A4 with 2 cm margins, in twips (1/20 pt): 17 cm of text.
const pageWidth = 11906
const pageHeight = 16838
const margin = 1134
const textWidth = pageWidth - 2 * margin
// One level of a list (or a quote) in the minutes' texts: 1 cm.
const indentStep = 567

const headings = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

export function minutesDocxFile(layout: MinutesLayout): Promise<Buffer> {
  const draft = layout.draftMark
  const document = new Document({
    title: layout.title,
    subject: layout.status,
    creator: 'Siatka',
    lastModifiedBy: 'Siatka',
    description: layout.status,
    keywords: draft ?? '',
    styles: {
      default: {
        document: {
          run: { language: { value: layout.lang }, font: 'Arial', size: 22 },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 2 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidth, height: pageHeight },
            margin: { top: margin, right: margin, bottom: margin, left: margin },
          },
        },
        headers: draft
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [new TextRun({ text: draft, bold: true, size: 24 })],
                  }),
                ],
              }),
            }
          : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    size: 18,
                    children: layout.pageLabel.map((part) =>
                      typeof part === 'string'
                        ? part
                        : part.field === 'page'
                          ? PageNumber.CURRENT
                          : PageNumber.TOTAL_PAGES,
                    ),
                  }),
                ],
              }),
            ],
          }),
        },
        children: layout.blocks.flatMap(block),
      },
    ],
  })
  return Packer.toBuffer(document)
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: headings[b.level], children: lines(b.text) })]
    case 'paragraph':
      return [new Paragraph({ children: lines(b.text, b.strong) })]
    case 'field':
      return [
        new Paragraph({ children: [new TextRun({ text: `${b.label}: `, bold: true }), ...lines(b.value)] }),
      ]
    case 'text': {
      // A list item hangs its marker in front of its text; a quote and a code block sit indented.
      const left = indentStep * b.indent
      return [
        new Paragraph({
          indent: b.marker ? { left: left, hanging: indentStep / 2 } : left > 0 ? { left } : undefined,
          keepNext: b.style === 'heading' || undefined,
          children: [
            ...(b.marker ? [new TextRun({ text: `${b.marker} ` })] : []),
            ...b.runs.flatMap((r) =>
              lines(r.text, r.bold || b.style === 'heading', {
                italics: r.italic || b.style === 'quote' || undefined,
                font: r.code ? 'Courier New' : undefined,
              }),
            ),
          ],
        }),
      ]
    }
    case 'table':
      return [
        ...(b.caption ? [new Paragraph({ keepNext: true, children: lines(b.caption, true) })] : []),
        table(b.columns, b.rows),
        // Word joins two tables that touch; an empty paragraph keeps them apart.
        new Paragraph({ children: [] }),
      ]
  }
}

function table(columns: { header: string; width: number }[], rows: string[][]): Table {
  const widths = columns.map((c) => Math.round(c.width * textWidth))
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: header ? { fill: 'E8E8E8' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ spacing: { after: 0 }, children: lines(text, header) })],
    })
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // Repeated on every page the table runs onto, and read as column headers.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, i, true)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) }),
      ),
    ],
  })
}

// Bold only when asked: an explicit "not bold" would override a heading style's bold.
function lines(text: string, bold = false, style: { italics?: boolean; font?: string } = {}): TextRun[] {
  return text
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({ text: line, bold: bold || undefined, break: i > 0 ? 1 : undefined, ...style }),
    )
}
