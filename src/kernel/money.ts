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
  // In BigInt: a billion złoty times ten thousand is past what a double holds exactly.
  return Number((BigInt(part) * 20_000n + BigInt(whole)) / (BigInt(whole) * 2n))
}

/** Basis points as "84,28%" or "84.28%". */
export function formatBasisPoints(bp: number, lang: Lang): string {
  const whole = Math.trunc(bp / 100)
  const rest = String(Math.abs(bp % 100)).padStart(2, '0')
  return `${whole}${lang === 'en' ? '.' : ','}${rest}%`
}
