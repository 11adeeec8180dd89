import { inflateSync } from 'node:zlib'

/** The text a PDF shows: its content streams' glyphs read back through each embedded font's ToUnicode map. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const streams: string[] = []
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    const bytes = pdf.subarray(start, end)
    try {
      streams.push(inflateSync(bytes).toString('latin1'))
    } catch {
      streams.push(bytes.toString('latin1'))
    }
  }
  const maps = streams
    .filter((s) => s.includes('beginbfrange'))
    .map((s) => {
      const map = new Map<number, string>()
      for (const r of s.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
        const from = Number.parseInt(r[1], 16)
        ;[...r[3].matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) => {
          map.set(from + i, String.fromCharCode(...u[1].split(' ').map((x) => Number.parseInt(x, 16))))
        })
      }
      return map
    })
  const shown = streams
    .flatMap((s) => [...s.matchAll(/\[([^\]]*)\] TJ/g)])
    .map((m) => [...m[1].matchAll(/<([0-9a-f]+)>/gi)].map((x) => x[1]).join(''))
  return maps
    .map((map) =>
      shown
        .map((hex) => (hex.match(/.{4}/g) ?? []).map((g) => map.get(Number.parseInt(g, 16)) ?? '').join(''))
        .join('\n'),
    )
    .join('\n')
}
