// The information poster (plakat informacyjny) the EU funds' rules ask of a project without a
// plaque: A3, the logo strip of its funding period across the top, then the project's title, its
// beneficiary, its goal, its value and the EU's share, where the money comes from, and the address
// of its public page once it is published. One page drawn with pdfkit in DejaVu Sans (it has the Polish letters); the
// marks are the placeholders the page shows, each saying so, until the official files replace them.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import { timeSlices } from '../../kernel/exports.ts'
import type { Lang, T } from '../../kernel/i18n.ts'
import { formatGrosze } from '../../kernel/money.ts'
import type { ProjectRow } from './queries.ts'
import { logoMarks, type MarkFile, placeholder } from './views/logo-strip.tsx'
import { fundingSource, projectTitle } from './views/project-name.ts'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
let fonts: { regular: Buffer; bold: Buffer } | undefined
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  }
  return fonts
}
// Registered by name, pdfkit parses each font once a document (no table here asks again by source).
const regular = 'regular'
const bold = 'bold'

/** Draws an image; false if it cannot be read (checked when given, so only a file damaged since). */
function drawn(draw: () => unknown) {
  try {
    draw()
    return true
  } catch {
    return false
  }
}

/** A3 in points, and the margin all round. */
const page = { width: 841.89, height: 1190.55 }
const margin = 56
const inner = page.width - 2 * margin
const ink = '#0b0c0c'

/**
 * The poster as a PDF. Laying out a block of text the first time its letters are used takes up to
 * 10–20 ms, and writing the fonts' subsets at the end 15–40 ms: the event loop gets a turn between
 * blocks.
 */
export async function projectPosterPdf(
  t: T,
  lang: Lang,
  pr: ProjectRow,
  publicUrl: string | null,
  /** The official marks' files given for the strip (with their bytes), by slot. */
  files: ReadonlyMap<string, MarkFile & { bytes: Buffer }> = new Map(),
): Promise<Buffer> {
  const pause = timeSlices(5)
  const title = projectTitle(pr)
  const { programme, sentence } = fundingSource(t, lang, pr, 'text')
  const doc = new PDFDocument({
    size: 'A3',
    margin,
    lang: lang === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: pr.lead_name, Creator: 'Siatka', Subject: t('projects.poster.subject') },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont(regular, loadFonts().regular)
  doc.registerFont(bold, loadFonts().bold)
  doc.fillColor(ink).strokeColor(ink)

  // The strip: the marks side by side in the rules' order, all of one height. An official file is
  // as wide as its proportions make it at that height, a placeholder as its frame; if together they
  // are wider than the page, all shrink alike, so none stands taller than the EU emblem.
  const marks = logoMarks(pr.period, { id: pr.programme_node_id, name: programme }, lang)
  const gap = 24
  const room = inner - gap * (marks.length - 1)
  const placeholderScale = room / marks.reduce((sum, m) => sum + m.width, 0)
  const stripHeight = 120
  const natural = marks.map((m) => {
    const file = files.get(m.slot)
    return file ? (stripHeight * file.width) / file.height : m.width * placeholderScale
  })
  const shrink = Math.min(1, room / natural.reduce((sum, w) => sum + w, 0))
  const height = stripHeight * shrink
  let x = margin
  for (const [i, m] of marks.entries()) {
    const w = natural[i] * shrink
    const file = files.get(m.slot)
    const official = file ? drawn(() => doc.image(file.bytes, x, margin, { width: w, height })) : false
    if (!official) {
      doc.save().lineWidth(2).dash(8, { space: 5 }).rect(x, margin, w, height).stroke().restore()
      doc.font(bold).fontSize(15)
      doc.text(m.lines.join('\n'), x + 12, margin + 14, { width: w - 24, height: height - 40 })
      doc
        .font(regular)
        .fontSize(9)
        .text(placeholder[lang], x + 12, margin + height - 22, { width: w - 24 })
    }
    x += w + gap
    await pause()
  }

  doc.x = margin
  doc.y = margin + stripHeight + 70
  doc.font(bold).fontSize(38).text(title, { width: inner, lineGap: 4 })
  doc.moveDown(0.8)
  await pause()
  const line = async (label: string, value: string, size: number) => {
    doc.font(bold).fontSize(size).text(`${label}: `, { width: inner, continued: true })
    doc.font(regular).text(value)
    doc.moveDown(0.4)
    await pause()
  }
  await line(t('projects.public.beneficiary'), pr.lead_name, 18)
  const partners = pr.partners.filter((o) => o.role === 'partner').map((o) => o.name)
  if (partners.length) await line(t('projects.public.partners'), partners.join(', '), 18)
  doc.moveDown(0.8)
  doc.font(bold).fontSize(22).text(t('projects.poster.goal'), { width: inner })
  doc.moveDown(0.3)
  doc.font(regular).fontSize(18).text(pr.main_goal, { width: inner, lineGap: 3 })
  doc.moveDown(1.2)
  await pause()
  await line(t('projects.totalValue'), formatGrosze(pr.total_value_grosze, lang), 24)
  await line(
    t(pr.period === '2021-2027' ? 'projects.poster.euShare' : 'projects.euContribution'),
    formatGrosze(pr.eu_contribution_grosze, lang),
    24,
  )

  // At the foot: where the money comes from and where to read more.
  doc.font(regular).fontSize(14)
  const foot = publicUrl ? `${sentence}\n${t('projects.poster.more')} ${publicUrl}` : sentence
  const footHeight = doc.heightOfString(foot, { width: inner, lineGap: 2 })
  doc.text(foot, margin, page.height - margin - footHeight, { width: inner, lineGap: 2 })
  await pause()
  doc.end()
  return done
}
