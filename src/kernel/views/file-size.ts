import type { Lang } from '../i18n.ts'

const formats = new Map<string, Intl.NumberFormat>()

/** A file's size as the reader writes it: "1,2 MB" in Polish, "1.2 MB" in English. */
export function fileSize(bytes: number, lang: Lang): string {
  const unit = bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte'
  const value = unit === 'kilobyte' ? Math.max(bytes / 1024, 0.1) : bytes / (1024 * 1024)
  const key = `${lang}|${unit}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
      style: 'unit',
      unit,
      maximumFractionDigits: 1,
    })
    formats.set(key, f)
  }
  return f.format(value)
}
