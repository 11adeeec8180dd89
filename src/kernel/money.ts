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
