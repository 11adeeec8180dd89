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

function makeTranslator(merged: Catalogues, lang: Lang): T {
  const plain = plainTexts(merged[lang])
  const full = i18n.t as unknown as (key: string, options: object) => string
  const t = (key: string, options?: object) =>
    (options === undefined && plain.get(key)) || full(key, { ...options, lng: lang })
  return t as unknown as T
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
