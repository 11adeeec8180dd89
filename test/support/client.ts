// A browser-like client over app.inject: keeps cookies, finds the CSRF token in the last page.
import type { Readable } from 'node:stream'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export const demoPassword = 'Demo-Siatka-2026'

export class Client {
  cookies = new Map<string, string>()
  csrf?: string
  /** `address`: the network address the requests come from (light-my-request's default is 127.0.0.1). */
  constructor(
    readonly app: FastifyInstance,
    readonly address?: string,
  ) {}

  private get from() {
    return this.address ? { remoteAddress: this.address } : {}
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === ''
      if (expired) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1]
    if (token) this.csrf = token
    return res
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { cookie: this.cookieHeader, ...headers },
        ...this.from,
      }),
    )
  }

  /** Posts a form with the CSRF token of the last page (fetching one from /password-reset if none yet). */
  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: string | false } = {}) {
    if (opts.csrf === undefined && !this.csrf) await this.get('/password-reset')
    const token = opts.csrf === false ? undefined : (opts.csrf ?? this.csrf)
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one)
    if (token) body.append('_csrf', token)
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
        ...this.from,
      }),
    )
  }

  /** Posts a form with a file field, with the CSRF token of the last page. */
  async upload(url: string, form: Record<string, string>, files: Record<string, FormFile | FormFile[]>) {
    if (!this.csrf) await this.get('/password-reset')
    const { payload, contentType } = multipartBody({ _csrf: this.csrf ?? '', ...form }, files)
    return this.send(url, payload, contentType)
  }

  /** Posts a body as it is (a stream is read only as far as the server reads it), with this client's cookies. */
  async send(url: string, payload: Buffer | Readable, contentType: string) {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': contentType },
        payload,
        ...this.from,
      }),
    )
  }
}

export interface FormFile {
  name: string
  bytes: Buffer
  type?: string
}

/** A form with files as a browser sends it (multipart/form-data); an empty `name` and no bytes is a file field left empty. */
export function multipartBody(fields: Record<string, string>, files: Record<string, FormFile | FormFile[]>) {
  const boundary = `----SiatkaTest${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  const head = (disposition: string, type?: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
    )
  for (const [k, v] of Object.entries(fields)) chunks.push(head(`name="${k}"`), Buffer.from(`${v}\r\n`))
  for (const [k, f] of Object.entries(files).flatMap(([k, f]) =>
    [f].flat().map((one) => [k, one] as const),
  )) {
    chunks.push(
      head(`name="${k}"; filename="${f.name}"`, f.type ?? 'application/octet-stream'),
      f.bytes,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

export async function signedIn(
  app: FastifyInstance,
  email: string,
  password = demoPassword,
): Promise<Client> {
  const client = new Client(app)
  await client.get('/sign-in')
  const res = await client.post('/sign-in', { email, password })
  if (res.statusCode !== 303) throw new Error(`could not sign in as ${email}: ${res.statusCode}`)
  await client.get('/profile')
  return client
}
