// The information poster (plakat informacyjny) the EU funds' rules ask of a project without a
// plaque: A3, the logo strip of its funding period across the top, then the project's title, its
// beneficiary, its goal, its value and the EU's share, where the money comes from, and the address
// of its public page once it is published. One page drawn with pdfkit in DejaVu Sans (it has the Polish letters); the
// marks are the placeholders the page shows, each saying so, until the official files replace them.
import { timeSlices } from '../../kernel/exports.ts'
import type { Lang, T } from '../../kernel/i18n.ts'
import { formatGrosze } from '../../kernel/money.ts'
import { newPdf } from '../../kernel/pdf.ts'
import type { ProjectRow } from './queries.ts'
import { drawStrip } from './strip.ts'
import { logoMarks, type MarkFile } from './views/logo-strip.tsx'
import { fundingSource, projectTitle } from './views/project-name.ts'

const regular = 'regular'
const bold = 'bold'

/** A3 in points, and the margin all round. */
const page = { width: 841.89, height: 1190.55 }
const margin = 56
const inner = page.width - 2 * margin
const ink = '#0b0c0c'
const stripHeight = 120

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
  const { doc, bytes } = newPdf({
    size: 'A3',
    margin,
    lang: lang === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: pr.lead_name, Creator: 'Siatka', Subject: t('projects.poster.subject') },
  })
  doc.fillColor(ink).strokeColor(ink)

  // The strip across the top (strip.ts draws it as the event's documents do).
  const strip = logoMarks(pr.period, { id: pr.programme_node_id, name: programme }, lang).map((m) => {
    const file = files.get(m.slot)
    return {
      lines: m.lines,
      width: m.width,
      file: file ? { bytes: file.bytes, width: file.width, height: file.height } : null,
    }
  })
  drawStrip(doc, strip, lang, {
    x: margin,
    y: margin,
    width: inner,
    height: stripHeight,
    gap: 24,
    fontSize: 15,
  })
  await pause()

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
  return bytes
}
