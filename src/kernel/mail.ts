import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { escapeHtml } from '@kitajs/html'
import type { CustomTypeOptions } from 'i18next'
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import type { Config } from '../config.ts'
import type { AnyDb, KernelDb } from './db.ts'
import { type Lang, translateKey, translator, unescaped } from './i18n.ts'
import { enqueue, enqueueMany, type JobQueue } from './jobs.ts'

export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** An iCalendar part (RFC 6047): calendars show it as an invitation, update or cancellation. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename: string }
  /** Files attached (a certificate's PDF), their bytes in base64: the job's data is JSON. */
  attachments?: { filename: string; contentType: string; base64: string }[]
  /** Headers of the message's own (List-Unsubscribe, Auto-Submitted), sent as they are. */
  headers?: Record<string, string>
  /** Set by `sendTrackedMails`: the mail_deliveries row the job keeps up to date. */
  deliveryId?: string
}

/**
 * A mail in the recipient's language: `template` names a `mail.*` catalogue entry with `subject` and `body`
 * (paragraphs separated by blank lines); `link` is shown as its own paragraph.
 */
export function renderMail(
  lang: Lang,
  template: Exclude<keyof CustomTypeOptions['resources']['translation']['mail'], 'footer'>,
  params: Record<string, string>,
  link?: string,
): Omit<MailMessage, 'to'> {
  const t = translator(lang)
  // Plain text: interpolated names stay as typed; the HTML part escapes them itself.
  const raw = { ...params, ...unescaped }
  const subject = translateKey(t, `mail.${template}.subject`, raw)
  const paragraphs = translateKey(t, `mail.${template}.body`, raw).split(/\n\n/)
  const footer = t('mail.footer')
  const text = [...paragraphs, ...(link ? [link] : []), '--', footer].join('\n\n')
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#0b0c0c">${paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join(
      '',
    )}${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''}<hr><p style="color:#505a5f">${escapeHtml(footer)}</p></body></html>`
  return { subject, text, html }
}

/** Queue a mail in the caller's transaction; the job sends it, with retries. */
export async function sendMail(trx: AnyDb, message: MailMessage): Promise<void> {
  await enqueue(trx, 'mail.send', { ...message })
}

/** Many mails in one statement (notifications to a whole body). */
export async function sendMails(trx: AnyDb, messages: MailMessage[]): Promise<void> {
  await enqueueMany(
    trx,
    'mail.send',
    messages.map((m) => ({ ...m })),
  )
}

/**
 * Mails whose delivery must be provable (a meeting's notice): a mail_deliveries row per mail,
 * queued in the caller's transaction, then kept up to date by the job with the SMTP server's
 * reply. Returns the rows' ids in the order of `messages`.
 */
export async function sendTrackedMails(handle: AnyDb, messages: MailMessage[]): Promise<string[]> {
  const trx: KernelDb = handle
  if (messages.length === 0) return []
  const tracked = messages.map((m) => ({ ...m, deliveryId: randomUUID() }))
  await trx
    .insertInto('mail_deliveries')
    .values(
      tracked.map((m) => ({ id: m.deliveryId, recipient: m.to, subject: m.subject, updated_at: new Date() })),
    )
    .execute()
  await sendMails(trx, tracked)
  return tracked.map((m) => m.deliveryId)
}

export function mailQueue(config: Config, handle?: AnyDb): JobQueue {
  const db: KernelDb | undefined = handle
  const transport = createTransport(config)
  const record = async (
    id: string | undefined,
    outcome: { status: 'accepted' | 'failed'; reply?: string; error?: string },
  ) => {
    if (!id || !db) return
    await db
      .updateTable('mail_deliveries')
      .set((eb) => ({
        status: outcome.status,
        smtp_reply: outcome.reply ?? null,
        error: outcome.error ?? null,
        attempts: eb('attempts', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .execute()
  }
  return {
    name: 'mail.send',
    retryLimit: 8,
    // One mail a job, so a failure retries only its own; four at a time, about 8 a second.
    concurrency: 4,
    // A sent mail's job holds its links (reset and invitation tokens): keep it no longer than needed.
    keepFinishedSeconds: 60,
    handler: async (data) => {
      const m = data as unknown as MailMessage
      let reply: string
      try {
        reply = await transport.send({
          from: config.mailFrom,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          ...(m.calendar ? calendarParts(m.calendar) : {}),
          ...(m.attachments
            ? {
                attachments: [
                  ...((m.calendar && calendarParts(m.calendar).attachments) || []),
                  ...m.attachments.map((a) => ({
                    filename: a.filename,
                    contentType: a.contentType,
                    content: Buffer.from(a.base64, 'base64'),
                  })),
                ],
              }
            : {}),
          // Prepared: a long List-Unsubscribe address is not folded or encoded on the way.
          ...(m.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(m.headers).map(([k, value]) => [k, { prepared: true, value }]),
                ),
              }
            : {}),
        })
      } catch (err) {
        // Recorded for the proof, then thrown so the queue tries again later.
        await record(m.deliveryId, {
          status: 'failed',
          error: err instanceof Error ? err.message : String(err),
        })
        throw err
      }
      await record(m.deliveryId, { status: 'accepted', reply })
    },
  }
}

/**
 * The invitation twice, as RFC 6047 has it: the text/calendar alternative calendar programs show as
 * an invitation, and the same as an attachment to save. nodemailer's `icalEvent` makes the first
 * right but types the attachment `application/ics` without `method=`, which some programs then
 * take for a file, not an invitation: both parts are made here with the method.
 */
function calendarParts(calendar: NonNullable<MailMessage['calendar']>): Partial<SendMailOptions> {
  const contentType = `text/calendar; charset=utf-8; method=${calendar.method}`
  return {
    alternatives: [{ contentType, content: calendar.content }],
    attachments: [{ contentType, content: calendar.content, filename: calendar.filename }],
  }
}

interface Sender {
  /** Sends and returns the server's reply ("250 2.0.0 OK: queued as …"). */
  send(message: SendMailOptions): Promise<string>
}

// Without SMTP_URL the demo works offline: each mail is written to DATA_DIR/outbox as .eml.
function createTransport(config: Config): Sender {
  if (config.smtpUrl) {
    const transporter: Transporter = nodemailer.createTransport(config.smtpUrl)
    return {
      send: async (m) => {
        const info = await transporter.sendMail(m)
        // A server that refuses the one recipient still answers 250 to the message as a whole.
        if (info.rejected?.length) throw new Error(`rejected by the server: ${info.response}`)
        return info.response ?? ''
      },
    }
  }
  const outbox = join(config.dataDir, 'outbox')
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    send: async (m) => {
      const info = await transporter.sendMail(m)
      await mkdir(outbox, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const file = join(outbox, `${stamp}-${randomUUID().slice(0, 8)}.eml`)
      await writeFile(file, info.message as Buffer)
      return `written to ${file}`
    },
  }
}
