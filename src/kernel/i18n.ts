import i18next, { type ParseKeys, type TFunction } from 'i18next'
import { en } from '../i18n/en.ts'
import { pl } from '../i18n/pl.ts'

export const langs = ['pl', 'en'] as const
export type Lang = (typeof langs)[number]
export const isLang = (v: unknown): v is Lang => langs.includes(v as Lang)

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof pl }
    // Values like managing_authority name keys; '_' stays the plural separator only.
    contextSeparator: '§'
  }
}

const i18n = i18next.createInstance()
void i18n.init({
  resources: { pl: { translation: pl }, en: { translation: en } },
  lng: 'pl',
  fallbackLng: false,
  initAsync: false,
  // Catalogue texts are trusted HTML; values put into them (names, addresses) are escaped,
  // so a translated string renders as it is. Mail text and flash messages opt out (see their callers).
  interpolation: { escapeValue: true },
  returnNull: false,
  contextSeparator: '§',
})

export type T = TFunction<'translation'>

/**
 * For a text that is escaped where it is used (a field's label, an attribute, a `safe` element, a
 * page title, a mail): its values are put in as they are, so they are not escaped twice.
 */
export const unescaped = { interpolation: { escapeValue: false } } as const
export type MessageKey = ParseKeys<'translation'>

// Most texts are plain: looked up in a flat table, they skip i18next, whose per-call cost
// (~15 µs through getFixedT) made up most of a page's time (BENCHMARKS.md). Texts with
// interpolation, plurals or options go through i18next.
function plainTexts(catalogue: object, prefix = '', into = new Map<string, string>()) {
  for (const [k, v] of Object.entries(catalogue)) {
    if (typeof v === 'string') {
      if (!v.includes('{{') && !v.includes('$t(') && !/_(zero|one|two|few|many|other)$/.test(k))
        into.set(prefix + k, v)
    } else plainTexts(v, `${prefix}${k}.`, into)
  }
  return into
}

function makeTranslator(lang: Lang): T {
  const plain = plainTexts(lang === 'pl' ? pl : en)
  const full = i18n.t as unknown as (key: string, options: object) => string
  const t = (key: string, options?: object) =>
    (options === undefined && plain.get(key)) || full(key, { ...options, lng: lang })
  return t as unknown as T
}

const translators = new Map(langs.map((l) => [l, makeTranslator(l)]))
export function translator(lang: Lang): T {
  return translators.get(lang) as T
}

export function hasMessage(key: string): boolean {
  return i18n.exists(key, { lng: 'pl' })
}

/** For keys computed at run time (rule errors, mail templates), which the compiler cannot check. */
export function translateKey(t: T, key: string, params?: Record<string, unknown>): string {
  return (t as unknown as (k: string, o?: object) => string)(key, params)
}
