// Where a form or a link may send a person back to.

/** Only a path on this site: never an open redirect. */
// Browsers drop tabs and newlines from a Location, so "/\t/evil" would become "//evil": allow no
// control character and no backslash anywhere.
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/'
  let path = ''
  for (const ch of next) {
    const code = ch.charCodeAt(0)
    if (code < 0x20 || code === 0x7f || ch === '\\') return '/'
    // A Location header carries ASCII only: anything else is percent-encoded (a lone
    // surrogate cannot be, and sends the person home).
    if (code < 0x7f) path += ch
    else {
      try {
        path += encodeURIComponent(ch)
      } catch {
        return '/'
      }
    }
  }
  return path
}
