// A real SMTP server on loopback: mail tests read what the app really sent.
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface CaughtMail {
  to: string
  subject: string
  text: string
  html: string
  /** The message as it came over SMTP: headers and every part, before any parsing. */
  raw: Buffer
  parsed: ParsedMail
}

export interface SmtpCatcher {
  url: string
  mails: CaughtMail[]
  /** Waits for a mail to `to` (and matching `subject`), newest first; `nth` (1-based) waits for that many. */
  /** The latest matching mail once there is one; with `nth`, the nth of them (1 is the first caught). */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number, nth?: number): Promise<CaughtMail>
  close(): Promise<void>
}

export async function startSmtp(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw)
          .then((parsed) => {
            const to = [parsed.to ?? []]
              .flat()
              .flatMap((a) => a.value.map((v) => v.address ?? ''))
              .join(',')
            mails.push({
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: String(parsed.html ?? ''),
              raw,
              parsed,
            })
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(to, subject, timeoutMs = 15_000, nth?: number) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const matching = mails.filter(
          (m) => m.to.split(',').includes(to) && (!subject || subject.test(m.subject)),
        )
        if (matching.length >= (nth ?? 1)) return nth ? matching[nth - 1] : matching[matching.length - 1]
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(
        `No mail to ${to} within ${timeoutMs} ms; caught: ${mails.map((m) => `${m.to}: ${m.subject}`).join('; ')}`,
      )
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
