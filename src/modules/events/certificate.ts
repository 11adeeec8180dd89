// The certificate of attendance (zaświadczenie o udziale) as a one-page A4 PDF, in the language of
// the person's registration: the organising project's logo strip at the head where a project runs
// the event, the event, the person, the organiser, the day issued, and the verification code with
// the address of the public page that checks it. Worded so that no form agrees with the person's
// sex ("uczestniczyła osoba:", the noun's), which the platform does not ask.
import { formatDate, formatDateTime } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { timeSlices } from '../../kernel/exports.ts'
import { type Lang, type T, translator, unescaped } from '../../kernel/i18n.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import { newPdf } from '../../kernel/pdf.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { newToken } from '../../kernel/tokens.ts'
import { drawStrip, type PaperMark, paperStrip } from '../projects/index.ts'
import { type Certificate, certificateOf } from './day.ts'
import type { Db } from './db.ts'
import { type Context, registrationLink } from './registrations.ts'
import { eventWhen, organiserName } from './views/parts.tsx'

const margin = 56
const width = 595.28 - 2 * margin
const ink = '#0b0c0c'

/** Where the public page checks a code: the address printed on the certificate. */
export const verificationUrl = (baseUrl: string, code: string) =>
  `${baseUrl}/events/certificates?code=${encodeURIComponent(code)}`

export async function certificatePdf(input: {
  t: T
  lang: Lang
  certificate: Certificate
  /** The organising project's marks; null for an event of the secretariat or a space. */
  strip: PaperMark[] | null
  baseUrl: string
}): Promise<Buffer> {
  const { t, lang, certificate: c } = input
  const pause = timeSlices(5)
  const title = t('events.certificates.documentTitle')
  const { doc, bytes } = newPdf({
    size: 'A4',
    margin,
    lang: lang === 'en' ? 'en-GB' : 'pl-PL',
    displayTitle: true,
    info: {
      Title: `${title}: ${c.title}`,
      Author: organiserName(t, lang, c),
      Creator: 'Siatka',
      Subject: c.certificate_code,
    },
  })
  doc.fillColor(ink).strokeColor(ink)
  let y = margin
  if (input.strip) {
    y += drawStrip(doc, input.strip, lang, { x: margin, y, width, height: 70, gap: 14, fontSize: 10 }) + 40
  } else y += 40
  await pause()

  // Each block at most so many lines (a long name, title or place ends in an ellipsis), so the body
  // never reaches the code at the foot nor a second page.
  const centred = (text: string, font: 'regular' | 'bold', size: number, after = 0.6, lines = 2) => {
    doc.font(font).fontSize(size)
    const height = lines * (doc.currentLineHeight(true) + 3)
    doc.text(text, margin, doc.y, { width, align: 'center', lineGap: 3, height, ellipsis: true })
    doc.moveDown(after)
  }
  doc.y = y
  centred(title.toLocaleUpperCase(lang), 'bold', 26, 1.2)
  centred(t('events.certificates.certifies'), 'regular', 13, 0.8)
  centred(c.name, 'bold', 24, 1.2)
  centred(
    t('events.certificates.attended', {
      kind: t(`events.kinds.${c.kind}`).toLocaleLowerCase(lang),
      ...unescaped,
    }),
    'regular',
    13,
    0.6,
  )
  // The title as its organiser wrote it (quotes of its own included): bold, on its own lines.
  centred(c.title, 'bold', 18, 0.8, 4)
  await pause()
  const place = [c.venue, c.online_url ? t('events.online') : ''].filter(Boolean).join(' + ')
  centred(eventWhen(c, lang), 'regular', 12, 0.2)
  if (place) centred(place, 'regular', 12, 0.2)
  doc.moveDown(1.5)
  centred(`${t('events.organiser')}: ${organiserName(t, lang, c)}`, 'regular', 12, 0.2)
  centred(
    `${t('events.certificates.issuedOn')}: ${formatDate(c.certificate_issued_at, lang)}`,
    'regular',
    12,
    0.2,
  )
  await pause()

  // The code at the foot, with where to check it.
  const url = verificationUrl(input.baseUrl, c.certificate_code)
  const foot = `${t('events.certificates.codeLabel')}: ${c.certificate_code}\n${t('events.certificates.checkAt')} ${url}`
  doc.font('regular').fontSize(10)
  const footHeight = doc.heightOfString(foot, { width, align: 'center', lineGap: 2 })
  const footY = doc.page.height - margin - footHeight
  doc
    .moveTo(margin, footY - 12)
    .lineTo(margin + width, footY - 12)
    .lineWidth(0.5)
    .stroke()
  doc.text(foot, margin, footY, { width, align: 'center', lineGap: 2 })
  await pause()
  doc.end()
  return bytes
}

/** The certificate's file name: "zaswiadczenie-K7QM-4XPD-9TRW.pdf". */
export const certificateFile = (t: T, code: string) => `${t('events.certificates.file')}-${code}.pdf`

/** The certificate in its person's language, with their organiser's strip where a project runs the event. */
export async function certificateFor(db: Db, storage: LocalStorage, c: Certificate, baseUrl: string) {
  const lang: Lang = c.lang === 'en' ? 'en' : 'pl'
  const t = translator(lang)
  const strip = c.project_id ? await paperStrip(db, storage, c.project_id, t, lang) : null
  return { t, lang, pdf: await certificatePdf({ t, lang, certificate: c, strip, baseUrl }) }
}

/**
 * The job's work for one certificate issued: drawn, and mailed with a new private link (from which
 * the person downloads it again). A registration gone since (erased) is skipped.
 */
export async function mailCertificate(db: Db, storage: LocalStorage, registrationId: string, c: Context) {
  const cert = await certificateOf(db, registrationId).catch((err) => {
    if (err instanceof NotFoundError) return null
    throw err
  })
  if (!cert) return
  const { t, lang, pdf } = await certificateFor(db, storage, cert, c.baseUrl)
  const { token, hash } = newToken()
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('event_registrations').set({ token_hash: hash }).where('id', '=', cert.id).execute()
    const message = renderMail(
      lang,
      'eventCertificate',
      {
        name: cert.name,
        event: cert.title,
        when: formatDateTime(cert.starts_at, lang),
        code: cert.certificate_code,
      },
      registrationLink(c, token),
    )
    await sendMail(trx, {
      to: cert.email,
      ...message,
      attachments: [
        {
          filename: certificateFile(t, cert.certificate_code),
          contentType: 'application/pdf',
          base64: pdf.toString('base64'),
        },
      ],
    })
  })
}
