// File uploads: a multipart form read into the same body any form has, on a route that takes one
// and only once the person may use it, its CSRF token checked before any file is read.
import { finished } from 'node:stream/promises'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { extraFile, type UploadedFile } from './forms.ts'
import type { LocalStorage } from './storage.ts'

/** The kernel's upload hooks; registered between the permission hooks and the CSRF check of other forms. */
export function registerUploads(app: FastifyInstance) {
  // A file upload is read only on a route that takes one, once the person may use it: after the
  // declared permissions (the space's among them) and after the route's own preValidation hook,
  // where a route checks what else its address names (a translator's link) before the body is touched.
  // Elsewhere a multipart post has no body and fails CSRF. The file goes to a temporary file in
  // storage as it arrives; what no handler put is removed once the answer is sent.
  app.addHook('preHandler', (req, reply, done) => {
    if (!req.routeOptions.config?.upload || !req.isMultipart()) return done()
    readUpload(req, app.storage, () => checkCsrf(app, req, reply)).then(
      (body) => {
        req.body = body
        done()
      },
      // A body the multipart parser cannot read (no boundary, cut off) is the sender's fault: 400.
      (err: Error & { statusCode?: number }) =>
        done(Object.assign(err, { statusCode: err.statusCode ?? 400 })),
    )
  })
  app.addHook('onResponse', (req, _reply, done) => {
    if (!req.routeOptions.config?.upload) return done()
    const left = Object.values((req.body as Record<string, unknown> | undefined) ?? {})
      .flat()
      .filter(isUploadedFile)
    Promise.all(left.map((f) => app.storage.discard(f.path))).then(() => done(), done)
  })
}

/**
 * A multipart form as the same body any form has, so CSRF and the form schemas see it the usual
 * way: text fields as strings (NUL dropped), a chosen file as an UploadedFile. The form's fields come
 * first (PostForm puts the CSRF token first): the token is checked before any file is read, so a
 * forged post sends no file to disk. One file is taken, streamed to a temporary file in storage; a
 * second one is skipped unread and marked, so the form says "choose one file" beside its field. A
 * file over the size limit is cut there and marked `truncated`, so the form can say so beside the
 * field instead of failing the request; a file input left empty sends no file.
 */
async function readUpload(
  req: FastifyRequest,
  storage: LocalStorage,
  checkToken: () => Promise<void>,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {}
  const add = (name: string, value: unknown) => {
    const had = body[name]
    body[name] = had === undefined ? value : [had, value].flat()
  }
  let checked = false
  let taken = false
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        add(part.fieldname, typeof part.value === 'string' ? part.value.replaceAll('\0', '') : '')
        continue
      }
      if (!checked) {
        req.body = body
        await checkToken()
        checked = true
      }
      if (!part.filename || taken) {
        part.file.resume()
        await finished(part.file)
        if (part.filename) add(part.fieldname, extraFile)
        continue
      }
      taken = true
      const received = await storage.receive(part.file)
      const file: UploadedFile = {
        filename: part.filename.replaceAll('\0', ''),
        ...received,
        truncated: part.file.truncated,
      }
      add(part.fieldname, file)
    }
  } catch (err) {
    await Promise.all(
      Object.values(body)
        .flat()
        .filter(isUploadedFile)
        .map((f) => storage.discard(f.path)),
    )
    throw err
  }
  return body
}

/** The CSRF check on the fields read so far; its refusal is thrown instead of sent. */
function checkCsrf(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = Object.create(reply, {
      send: {
        value: (err: Error) => {
          reject(err)
          return refuse
        },
      },
    }) as FastifyReply
    app.csrfProtection(req, refuse, () => resolve())
  })
}

const isUploadedFile = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && typeof (v as UploadedFile).path === 'string'
