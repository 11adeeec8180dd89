// A project's logo strip on paper: the marks of its funding period in the rules' order, each the
// administrator's official file where one is given, else its placeholder frame saying so. The
// poster draws it across an A3 sheet; other modules (an event's list to sign and its certificates)
// ask for a project's strip here and draw it at the head of their own pages.
import { buffer } from 'node:stream/consumers'
import type { AnyDb } from '../../kernel/db.ts'
import type { Lang, T } from '../../kernel/i18n.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'
import { stripFiles } from './marks/service.ts'
import { findProject } from './queries.ts'
import { logoMarks, placeholder } from './views/logo-strip.tsx'
import { fundingSource } from './views/project-name.ts'

/** A mark as a PDF draws it: the official file's bytes and size, or the placeholder's lines and width. */
export interface PaperMark {
  lines: string[]
  /** The placeholder's width at the strip's nominal height (its proportion). */
  width: number
  file: { bytes: Buffer; width: number; height: number } | null
}

/** The marks of a project's strip with their files' bytes read; null if there is no such project. */
export async function paperStrip(
  handle: AnyDb,
  storage: LocalStorage,
  projectId: string,
  t: T,
  lang: Lang,
): Promise<PaperMark[] | null> {
  const db: Db = handle
  const project = await findProject(db, projectId, null)
  if (!project) return null
  const files = await stripFiles(db, project)
  const { programme } = fundingSource(t, lang, project, 'text')
  const marks = logoMarks(project.period, { id: project.programme_node_id, name: programme }, lang)
  return Promise.all(
    marks.map(async (m) => {
      const f = files.get(m.slot)
      return {
        lines: m.lines,
        width: m.width,
        file: f ? { bytes: await buffer(storage.open(f.file_hash)), width: f.width, height: f.height } : null,
      }
    }),
  )
}

/** What drawStrip needs of a pdfkit document (fonts registered as 'regular' and 'bold'). */
type Doc = PDFKit.PDFDocument

/** Draws an image; false if it cannot be read (checked when given, so only a file damaged since). */
function drawn(draw: () => unknown) {
  try {
    draw()
    return true
  } catch {
    return false
  }
}

/**
 * Draws the strip in a box: every mark at one height, side by side with a gap. An official file is
 * as wide as its proportions make it at that height, a placeholder as its frame; if together they
 * are wider than the box, all shrink alike, so none stands taller than the EU emblem. Returns the
 * height drawn.
 */
export function drawStrip(
  doc: Doc,
  marks: PaperMark[],
  lang: Lang,
  box: { x: number; y: number; width: number; height: number; gap: number; fontSize: number },
): number {
  const room = box.width - box.gap * (marks.length - 1)
  const placeholderScale = room / marks.reduce((sum, m) => sum + m.width, 0)
  const natural = marks.map((m) =>
    m.file ? (box.height * m.file.width) / m.file.height : m.width * placeholderScale,
  )
  const shrink = Math.min(1, room / natural.reduce((sum, w) => sum + w, 0))
  const height = box.height * shrink
  const pad = box.fontSize * 0.8
  let x = box.x
  for (const [i, m] of marks.entries()) {
    const w = natural[i] * shrink
    const file = m.file
    const official = file ? drawn(() => doc.image(file.bytes, x, box.y, { width: w, height })) : false
    if (!official) {
      doc
        .save()
        .lineWidth(box.fontSize / 7)
        .dash(box.fontSize / 2, { space: box.fontSize / 3 })
      doc.rect(x, box.y, w, height).stroke().restore()
      doc.font('bold').fontSize(box.fontSize)
      doc.text(m.lines.join('\n'), x + pad, box.y + pad, { width: w - 2 * pad, height: height - 2.6 * pad })
      doc
        .font('regular')
        .fontSize(box.fontSize * 0.6)
        .text(placeholder[lang], x + pad, box.y + height - 1.5 * pad, {
          width: w - 2 * pad,
          lineBreak: false,
        })
    }
    x += w + box.gap
  }
  return height
}
