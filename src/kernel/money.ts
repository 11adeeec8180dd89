// Money as Siatka keeps it: whole grosze in integers, never a floating-point złoty. Shown in the
// reader's language ("6 791 950,00 zł", "PLN 6,791,950.00") by formatting the złoty and the grosze
// apart, so no division ever rounds.
import type { Lang } from './i18n.ts'

const wholeFormats = new Map<Lang, Intl.NumberFormat>()
const wholeFormat = (lang: Lang) => {
  let f = wholeFormats.get(lang)
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL', { useGrouping: true })
    wholeFormats.set(lang, f)
  }
  return f
}

/** Grosze as złoty in the reader's language: "6 791 950,00 zł" (Polish groups even four digits), "PLN 6,791,950.00". */
export function formatGrosze(grosze: number, lang: Lang): string {
  if (!Number.isSafeInteger(grosze)) throw new RangeError(`not a whole number of grosze: ${grosze}`)
  const sign = grosze < 0 ? '-' : ''
  const abs = Math.abs(grosze)
  const zloty = (abs - (abs % 100)) / 100
  const rest = String(abs % 100).padStart(2, '0')
  // Polish usage groups thousands from four digits ("5 000 zł"); Intl's pl-PL starts at five.
  const whole =
    lang === 'en' ? wholeFormat(lang).format(zloty) : String(zloty).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  return lang === 'en' ? `${sign}PLN ${whole}.${rest}` : `${sign}${whole},${rest}\u00a0zł`
}

/**
 * A part of a whole as a percentage with two decimals, in integers: 5 724 255,46 of 6 791 950,00
 * is 84.28 (returned as basis points, 8428), rounded half up; null for a whole of zero.
 */
export function basisPoints(part: number, whole: number): number | null {
  if (whole === 0) return null
  // In BigInt: a billion złoty times ten thousand is past what a double holds exactly. BigInt
  // division cuts toward zero; half up is floor(x + 1/2), so a negative share rounds down first.
  const numerator = BigInt(part) * 20_000n + BigInt(whole)
  const denominator = BigInt(whole) * 2n
  const quotient = numerator / denominator
  const floor =
    numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient
  return Number(floor)
}

/** Basis points as "84,28%" or "84.28%". */
export function formatBasisPoints(bp: number, lang: Lang): string {
  const sign = bp < 0 ? '-' : ''
  const abs = Math.abs(bp)
  const rest = String(abs % 100).padStart(2, '0')
  return `${sign}${(abs - (abs % 100)) / 100}${lang === 'en' ? '.' : ','}${rest}%`
}

/** The largest amount Siatka takes: a hundred billion złoty, far below 2^53 grosze. */
export const maxGrosze = 10_000_000_000_000

/**
 * An amount as people type it, to whole grosze, with no floating point: "6 791 950,00 zł",
 * "6791950.00", "6.791.950,50", "PLN 6,791,950.00", "1200". Of a comma and a dot both present the
 * last one parts the grosze; a lone comma always does (Polish); a lone dot does only when one to two
 * digits follow it once ("12.5"), else it groups thousands ("1.200.000"). Null when it is not an
 * amount, is negative, has more than two decimals or passes `maxGrosze`.
 */
export function parseZloty(raw: string): number | null {
  const s = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(PLN)/i, '')
    .replace(/(zł|PLN)$/i, '')
  if (!/^\d[\d.,]*$/.test(s)) return null
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let decimalAt = -1
  if (lastComma >= 0 && lastDot >= 0) decimalAt = Math.max(lastComma, lastDot)
  else if (lastComma >= 0) decimalAt = s.indexOf(',') === lastComma ? lastComma : -2
  else if (lastDot >= 0 && s.indexOf('.') === lastDot && s.length - lastDot <= 3) decimalAt = lastDot
  if (decimalAt === -2) return null
  const whole = (decimalAt >= 0 ? s.slice(0, decimalAt) : s).replace(/[.,]/g, '')
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1) : ''
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null
  // Grouping separators, where used, stand every three digits from the right.
  const groupedPart = decimalAt >= 0 ? s.slice(0, decimalAt) : s
  if (/[.,]/.test(groupedPart) && !/^\d{1,3}([.,]\d{3})*$/.test(groupedPart)) return null
  const grosze = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))
  return grosze > BigInt(maxGrosze) ? null : Number(grosze)
}

/** Grosze as a form shows them for editing: "6 791 950,00" (no currency, plain spaces). */
export function groszeForInput(grosze: number, lang: Lang): string {
  return formatGrosze(grosze, lang)
    .replace(/\u00a0zł$|^PLN /g, '')
    .replace(/\u00a0/g, ' ')
}
