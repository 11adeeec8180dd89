import i18next, { type ParseKeys, type TFunction } from 'i18next'

export const langs = ['pl', 'en'] as const
export type Lang = (typeof langs)[number]
export const isLang = (v: unknown): v is Lang => langs.includes(v as Lang)

/** Another language's texts for a Polish catalogue: the same keys, any words. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }

/** Both languages' catalogues, merged from the kernel's and every module's (src/texts.ts). */
export interface Catalogues {
  pl: object
  en: object
}

const i18n = i18next.createInstance()
let catalogues: Catalogues | undefined
let translators: Map<Lang, T> | undefined

/** Takes the app's catalogues once, before the first text is needed (src/texts.ts does, when imported). */
export function useTexts(merged: Catalogues): void {
  catalogues = merged
  void i18n.init({
    resources: { pl: { translation: merged.pl }, en: { translation: merged.en } },
    lng: 'pl',
    fallbackLng: false,
    initAsync: false,
    // Catalogue texts are trusted HTML; values put into them (names, addresses) are escaped,
    // so a translated string renders as it is. Mail text and flash messages opt out (see their callers).
    interpolation: { escapeValue: true },
    returnNull: false,
    // Values like managing_authority name keys; '_' stays the plural separator only.
    contextSeparator: '§',
  })
  translators = new Map(langs.map((l) => [l, makeTranslator(merged, l)]))
}

export type T = TFunction<'translation'>

/**
 * For a text that is escaped where it is used (a field's label, an attribute, a `safe` element, a
 * page title, a mail): its values are put in as they are, so they are not escaped twice.
 */
export const unescaped = { interpolation: { escapeValue: false } } as const
export type MessageKey = ParseKeys<'translation'>

// Texts are looked up in flat tables and filled in here, skipping i18next, whose per-call cost
// (~15 µs through getFixedT, more through its interpolator) made up much of a page's time
// (BENCHMARKS.md): a plain text is returned as it is, a text with {{values}} is filled from its
// parts, escaped as i18next escapes them. Plurals (count), contexts, nesting ($t) and any other
// option go through i18next; i18n.test.ts checks both paths give the same text for every template.
const pluralSuffix = /_(zero|one|two|few|many|other)$/
const placeholder = /\{\{\s*([^{}\s,]+)\s*\}\}/g

interface Texts {
  plain: Map<string, string>
  /** A template split at its placeholders: literal, name, literal, name, …, literal. */
  templates: Map<string, string[]>
}

function flatTexts(catalogue: object, prefix = '', into: Texts = { plain: new Map(), templates: new Map() }) {
  for (const [k, v] of Object.entries(catalogue)) {
    if (typeof v !== 'string') flatTexts(v, `${prefix}${k}.`, into)
    else if (v.includes('$t(') || pluralSuffix.test(k)) continue
    else if (!v.includes('{{')) into.plain.set(prefix + k, v)
    else if (!/\{\{[^}]*,/.test(v)) into.templates.set(prefix + k, v.split(placeholder))
  }
  return into
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/** Text as HTML text: the five characters that could start markup or end an attribute, escaped. */
export const escapeValue = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] as string)

// Options that only i18next understands; a filled-in template takes values and `unescaped`.
const handledElsewhere = new Set([
  'count',
  'context',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'ordinal',
  'returnObjects',
  'joinArrays',
  'postProcess',
  'replace',
])

function fill(parts: string[], options: Record<string, unknown>): string | undefined {
  let escaping = true
  for (const key in options) {
    if (handledElsewhere.has(key)) return undefined
    if (key === 'interpolation') {
      const i = options.interpolation as Record<string, unknown>
      if (Object.keys(i).length !== 1 || i.escapeValue !== false) return undefined
      escaping = false
    }
  }
  let out = parts[0]
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]
    if (!(name in options)) out += `{{${name}}}`
    else {
      const value = options[name]
      const text = value === null || value === undefined ? '' : String(value)
      out += escaping ? escapeValue(text) : text
    }
    out += parts[i + 1]
  }
  return out
}

function makeTranslator(merged: Catalogues, lang: Lang): T {
  const { plain, templates } = flatTexts(merged[lang])
  const full = i18n.t as unknown as (key: string, options: object) => string
  const t = (key: string, options?: Record<string, unknown>) => {
    if (options === undefined) {
      const text = plain.get(key)
      if (text !== undefined) return text
    } else {
      const parts = templates.get(key)
      const text = parts && fill(parts, options)
      if (text !== undefined) return text
    }
    return full(key, { ...options, lng: lang })
  }
  return t as unknown as T
}

/** i18next itself, for the test that the quick path gives the same texts. */
export function translateSlowly(lang: Lang, key: string, options?: object): string {
  return (i18n.t as unknown as (key: string, options: object) => string)(key, { ...options, lng: lang })
}

export function translator(lang: Lang): T {
  if (!translators) throw new Error('No texts yet: import src/texts.ts first')
  return translators.get(lang) as T
}

/** The merged catalogue of a language, for checks over every text. */
export function catalogueOf(lang: Lang): object {
  if (!catalogues) throw new Error('No texts yet: import src/texts.ts first')
  return catalogues[lang]
}

export function hasMessage(key: string): boolean {
  return i18n.exists(key, { lng: 'pl' })
}

/** For keys computed at run time (rule errors, mail templates), which the compiler cannot check. */
export function translateKey(t: T, key: string, params?: Record<string, unknown>): string {
  return (t as unknown as (k: string, o?: object) => string)(key, params)
}
