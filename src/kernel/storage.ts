// Uploaded files, stored by the SHA-256 of their content under DATA_DIR/files (outside the web
// root), with the type checked from the bytes, not trusted from the name or the browser.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyReply } from 'fastify'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { sql } from 'kysely'
import type { AnyDb, KernelDb } from './db.ts'
import { NotFoundError, RuleError } from './errors.ts'
import { attachment } from './exports.ts'

/** What Siatka accepts, by extension: office documents in both OOXML and ODF, PDF, images. */
export const fileKinds = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
} as const
export type FileKind = keyof typeof fileKinds

export const defaultMaxBytes = 25 * 1024 * 1024

export interface StoredFile {
  hash: string
  kind: FileKind
  mimeType: string
  sizeBytes: number
}

/** An upload written to a temporary file as it arrived, with its size and SHA-256 taken on the way. */
export interface ReceivedFile {
  path: string
  size: number
  hash: string
}

export class LocalStorage {
  constructor(readonly dir: string) {}

  private pathOf(hash: string) {
    return join(this.dir, hash.slice(0, 2), hash)
  }

  /**
   * Writes an upload's bytes to a temporary file in this folder as they arrive, hashing them on the
   * way, so a file of any size costs a few chunks of memory; `put()` then moves it into place. The
   * caller removes it with `discard()` if it is not put.
   */
  async receive(stream: Readable): Promise<ReceivedFile> {
    const incoming = join(this.dir, 'incoming')
    await mkdir(incoming, { recursive: true })
    const path = join(incoming, `${randomBytes(12).toString('hex')}.part`)
    const hash = createHash('sha256')
    let size = 0
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    try {
      await pipeline(stream, count, createWriteStream(path))
    } catch (err) {
      await this.discard(path)
      throw err
    }
    return { path, size, hash: hash.digest('hex') }
  }

  /** Removes a received file that was not put (a refused form); gone already is fine. */
  async discard(path: string) {
    await rm(path, { force: true })
  }

  /**
   * Checks and keeps a file, given as bytes or as a received upload (moved into place, not copied).
   * Refused (as a RuleError on `field`): too large, a kind not in `allowed`, or content that does not
   * match the name's extension (a .pdf that is an .exe). The type is read from the first bytes.
   */
  async put(
    handle: AnyDb,
    file: { name: string } & ({ bytes: Buffer } | ReceivedFile),
    opts: { field: string; allowed: readonly FileKind[]; maxBytes?: number },
  ): Promise<StoredFile> {
    const size = 'bytes' in file ? file.bytes.length : file.size
    if (size > (opts.maxBytes ?? defaultMaxBytes)) throw new RuleError('storage.tooLarge', opts.field)
    const claimed = (file.name.split('.').pop() ?? '').toLowerCase().replace('jpeg', 'jpg')
    const detected =
      'bytes' in file ? await fileTypeFromBuffer(file.bytes) : await fileTypeFromFile(file.path)
    const kind = detected?.ext === 'jpg' ? 'jpg' : (detected?.ext as FileKind | undefined)
    if (!kind || !(kind in fileKinds) || !opts.allowed.includes(kind)) {
      throw new RuleError(
        claimed in fileKinds ? 'storage.typeMismatch' : 'storage.typeNotAllowed',
        opts.field,
      )
    }
    if (claimed !== kind) throw new RuleError('storage.typeMismatch', opts.field)
    const hash = 'bytes' in file ? createHash('sha256').update(file.bytes).digest('hex') : file.hash
    const path = this.pathOf(hash)
    if (await stat(path).catch(() => null)) {
      if (!('bytes' in file)) await this.discard(file.path)
    } else {
      await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true })
      if ('bytes' in file) {
        const temp = `${path}.${randomBytes(4).toString('hex')}.part`
        await writeFile(temp, file.bytes)
        await rename(temp, path)
      } else await rename(file.path, path)
    }
    const mimeType = fileKinds[kind]
    const db: KernelDb = handle
    await db
      .insertInto('stored_files')
      .values({ hash, mime_type: mimeType, size_bytes: size })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute()
    return { hash, kind, mimeType, sizeBytes: size }
  }

  /**
   * Sends a stored file as a download with its checked type; the name is the person's, safely
   * encoded. Its content hash is its ETag: the same file always has the same one.
   */
  async send(handle: AnyDb, reply: FastifyReply, hash: string, downloadName: string) {
    const db: KernelDb = handle
    const row = await db.selectFrom('stored_files').selectAll().where('hash', '=', hash).executeTakeFirst()
    if (!row) throw new NotFoundError()
    return (
      reply
        .type(row.mime_type)
        .header('content-length', row.size_bytes)
        // Weak: the same file may go compressed or not, and a strong tag names one encoding.
        .header('etag', `W/"${hash}"`)
        .header('content-disposition', attachment(downloadName))
        .header('x-content-type-options', 'nosniff')
        .send(this.open(hash))
    )
  }

  /** A stored file's bytes, to put into something larger (a zip of a meeting's materials). */
  open(hash: string) {
    return createReadStream(this.pathOf(hash))
  }
}

/** The storage of an installation's DATA_DIR: what the app keeps and its jobs read and write. */
export const storageIn = (dataDir: string) => new LocalStorage(join(dataDir, 'files'))

export async function countStoredFiles(handle: AnyDb): Promise<number> {
  const db: KernelDb = handle
  return (
    await db.selectFrom('stored_files').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  ).n
}
