// The minutes as files to keep and send: DOCX, ODT (which Polish public bodies must accept, KRI)
// and PDF/A (for the archive). One layout, made here from the MinutesDocument in the export's
// language, is written by each format's renderer, so the three files say the same thing.
import { formatDate, formatDateTime, safeDay, warsawDayAndTime } from '../../../../kernel/dates.ts'
import { type Lang, type T, unescaped } from '../../../../kernel/i18n.ts'
import { type MarkdownBlock, markdownBlocks } from '../../../../kernel/markdown.ts'
import { presences } from '../../attendance/tables.ts'
import { toRoman } from '../../rules.ts'
import { type MinutesDocument, paragraphs } from '../document.ts'
import { minutesDocxFile } from './docx.ts'
import { minutesOdtFile } from './odt.ts'
import { minutesPdfFile } from './pdf.ts'

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** A blank line in the text is a new paragraph; a single newline, a line break inside one. */
  | { type: 'paragraph'; text: string; strong?: boolean }
  | { type: 'field'; label: string; value: string }
  /**
   * A paragraph of a person's Markdown: styled runs, maybe a list item or a quote; `indent` in
   * levels (one per list it is in, one more for a quote or a code block).
   */
  | (Extract<MarkdownBlock, { type: 'text' }> & { indent: number })
  /** Widths are fractions of the text width; the first row of `rows` is not the header. */
  | { type: 'table'; caption?: string; columns: { header: string; width: number }[]; rows: string[][] }

/** "Strona 1 z 3": the literal parts and where the page number and the page count go. */
export type PageLabelPart = string | { field: 'page' | 'pages' }

export interface MinutesLayout {
  /** BCP 47: 'pl-PL' or 'en-GB'. */
  lang: string
  title: string
  /** "PROJEKT" / "DRAFT" on every page of minutes not yet approved; null once approved. */
  draftMark: string | null
  status: string
  pageLabel: PageLabelPart[]
  blocks: Block[]
}

const locales: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' }

export function minutesDocx(doc: MinutesDocument, t: T, lang: Lang): Promise<Buffer> {
  return minutesDocxFile(minutesLayout(doc, t, lang))
}

export function minutesOdt(doc: MinutesDocument, t: T, lang: Lang): Promise<Buffer> {
  return minutesOdtFile(minutesLayout(doc, t, lang))
}

export function minutesPdf(doc: MinutesDocument, t: T, lang: Lang): Promise<Buffer> {
  return minutesPdfFile(minutesLayout(doc, t, lang))
}

/** "protokol-III-2026-kst-ekonomii-spolecznej-r1.docx": ASCII only, safe in any header or file system. */
export function minutesFileName(doc: MinutesDocument, ext: string): string {
  const kind = doc.meeting.kind === 'study_visit' ? '-wizyta' : ''
  const draft = doc.status === 'approved' ? '' : '-projekt'
  const space = asciiSlug(doc.spaceName).slice(0, 60).replace(/-+$/, '')
  const parts = [
    `protokol${kind}`,
    toRoman(doc.meeting.number),
    String(doc.meeting.year),
    space,
    `r${doc.revision}`,
  ]
  return `${parts.filter(Boolean).join('-')}${draft}.${ext.replace(/[^a-z0-9]/gi, '')}`
}

const polish: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
}

function asciiSlug(text: string): string {
  return text
    .replace(/[łŁđĐßæÆøØ]/g, (c) => polish[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** What every format writes, in the export's language; the minutes' own texts stay as written. */
export function minutesLayout(doc: MinutesDocument, t: T, lang: Lang): MinutesLayout {
  const m = doc.meeting
  const title = clean(
    t(`minutesExport.title.${m.kind}`, {
      ...unescaped,
      number: toRoman(m.number),
      year: m.year,
      space: doc.spaceName,
    }),
  )
  const isDraft = doc.status !== 'approved'
  const status = statusLine(doc, t, lang)
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: title },
    { type: 'paragraph', text: status, strong: true },
  ]
  const heading = (level: 1 | 2 | 3, text: string) =>
    blocks.push({ type: 'heading', level, text: clean(text) })
  const field = (label: string, value: string) => {
    if (value.trim() !== '') blocks.push({ type: 'field', label, value: clean(value) })
  }
  // The minutes' texts carry Markdown, rendered in the documents as on the page (issue 11, defect 6).
  const text = (value: string) => {
    for (const b of markdownBlocks(clean(value))) {
      if (b.type === 'text')
        blocks.push({ ...b, indent: b.depth + (b.style === 'quote' || b.style === 'code' ? 1 : 0) })
      else if (b.header.length > 0)
        blocks.push({
          type: 'table',
          columns: b.header.map((header) => ({ header, width: 1 / b.header.length })),
          rows: b.rows.map((r) => b.header.map((_, i) => r[i] ?? '')),
        })
    }
  }

  field(t('minutesExport.when'), when(new Date(m.startsAt), new Date(m.endsAt), lang))
  field(t('minutesExport.place'), m.place)
  field(t('minutesExport.online'), m.onlineUrl)

  heading(2, t('minutesExport.attendance'))
  for (const presence of presences) {
    const people = doc.attendees.filter((a) => a.presence === presence)
    heading(3, t(`minutesExport.presence.${presence}`, { n: people.length }))
    if (people.length === 0) blocks.push({ type: 'paragraph', text: t('minutesExport.nobody') })
    else
      blocks.push({
        type: 'table',
        columns: [
          { header: t('minutesExport.columns.number'), width: 0.08 },
          { header: t('minutesExport.columns.name'), width: 0.3 },
          { header: t('minutesExport.columns.organisation'), width: 0.35 },
          { header: t('minutesExport.columns.deputyFor'), width: 0.27 },
        ],
        rows: people.map((a, i) => [`${i + 1}.`, a.name, a.organisation ?? '', a.deputyFor ?? ''].map(clean)),
      })
  }

  if (paragraphs(doc.opening).length > 0) {
    heading(2, t('minutesExport.opening'))
    text(doc.opening)
  }

  const items = [...doc.items].sort((a, b) => a.position - b.position)
  items.forEach((item, i) => {
    heading(2, t('minutesExport.item', { ...unescaped, position: i + 1, title: item.title }))
    field(t('minutesExport.presenter'), item.presenter)
    field(t('minutesExport.kind'), t(`meetings.agenda.kinds.${item.kind}`))
    text(item.summary)
    for (const d of item.decisions) {
      heading(3, t('minutesExport.decision', { ...unescaped, number: d.number, title: d.title }))
      text(d.body)
      blocks.push({
        type: 'table',
        caption: t('minutesExport.vote'),
        columns: [
          { header: t('minutesExport.columns.for'), width: 1 / 3 },
          { header: t('minutesExport.columns.against'), width: 1 / 3 },
          { header: t('minutesExport.columns.abstaining'), width: 1 / 3 },
        ],
        rows: [[d.votes.for, d.votes.against, d.votes.abstaining].map(String)],
      })
    }
    if (item.actions.length > 0) {
      heading(3, t('minutesExport.actions'))
      blocks.push({
        type: 'table',
        columns: [
          { header: t('minutesExport.columns.action'), width: 0.5 },
          { header: t('minutesExport.columns.owner'), width: 0.28 },
          { header: t('minutesExport.columns.dueOn'), width: 0.22 },
        ],
        rows: item.actions.map((a) => [clean(a.title), clean(a.owner), day(a.dueOn, lang)]),
      })
    }
  })

  if (paragraphs(doc.closing).length > 0) {
    heading(2, t('minutesExport.closing'))
    text(doc.closing)
  }

  // Polish minutes end with who recorded and who approved them: names, functions and dates (a
  // draft leaves the approval's row to be filled in). Revisions frozen before this have no block.
  if (doc.recordedBy !== undefined) {
    const day = (iso: string | null) => (iso ? formatDate(new Date(iso), lang) : '')
    const recorded = doc.recordedBy
    blocks.push({
      type: 'table',
      caption: t('minutesExport.signatures.title'),
      columns: [
        { header: '', width: 0.22 },
        { header: t('minutesExport.signatures.name'), width: 0.3 },
        { header: t('minutesExport.signatures.function'), width: 0.26 },
        { header: t('minutesExport.signatures.date'), width: 0.22 },
      ],
      rows: [
        [
          t('minutesExport.signatures.recorded'),
          recorded?.name ?? '',
          recorded ? t(`minutesExport.signatures.functions.${recorded.function}`) : '',
          day(recorded?.on ?? null),
        ],
        [
          t('minutesExport.signatures.approved'),
          doc.status === 'approved' ? (doc.approvedBy ?? '') : '',
          doc.approverFunction ? t(`minutesExport.signatures.functions.${doc.approverFunction}`) : '',
          doc.status === 'approved' ? day(doc.approvedAt) : '',
        ],
      ].map((row) => row.map(clean)),
    })
  }

  return {
    lang: locales[lang],
    title,
    draftMark: isDraft ? t('minutesExport.draftMark') : null,
    status,
    pageLabel: pageLabel(t),
    blocks,
  }
}

function statusLine(doc: MinutesDocument, t: T, lang: Lang): string {
  if (doc.status !== 'approved') return t(`minutesExport.status.${doc.status}`)
  const date = doc.approvedAt ? formatDate(new Date(doc.approvedAt), lang) : ''
  const params = { ...unescaped, date, revision: doc.revision }
  return clean(
    doc.approvedBy
      ? t('minutesExport.status.approved', { ...params, name: doc.approvedBy })
      : t('minutesExport.status.approvedUnsigned', params),
  )
}

/** "12 marca 2026, 10:00–14:00" on a Warsaw clock; both ends in full when it spans days. */
function when(startsAt: Date, endsAt: Date, lang: Lang): string {
  const start = warsawDayAndTime(startsAt)
  const end = warsawDayAndTime(endsAt)
  if (start.day !== end.day) return `${formatDateTime(startsAt, lang)} – ${formatDateTime(endsAt, lang)}`
  return `${formatDate(startsAt, lang)}, ${start.time}–${end.time}`
}

/** A calendar day (YYYY-MM-DD) in words; noon UTC is the same day in Warsaw. */
function day(isoDate: string, lang: Lang): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? safeDay(isoDate, lang) : clean(isoDate)
}

function pageLabel(t: T): PageLabelPart[] {
  // The catalogue decides the order of the number and the count; the markers find them again.
  const label = t('minutesExport.page', { ...unescaped, page: '[[page]]', pages: '[[pages]]' })
  return label
    .split(/(\[\[pages?\]\])/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '[[page]]' ? { field: 'page' } : part === '[[pages]]' ? { field: 'pages' } : part,
    )
}

/**
 * Text as every format can carry it: no control characters (XML 1.0 forbids them, a PDF font has
 * no glyph for them), no lone surrogates, tabs as spaces and newlines as '\n'.
 */
export function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  )
}
