// What axe does not check: an id used twice on a page (the second element can then not be
// reached by a label, a link or aria-describedby), and a label that names no element or several.
// Reads the page's HTML as the server sent it (or as the browser shows it: page.content()).
import assert from 'node:assert/strict'

interface Tag {
  name: string
  attrs: Map<string, string>
}

/** Every start tag with its attributes; comments, scripts and styles left out. */
export function tagsOf(html: string): Tag[] {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, (_, name: string) => `<${name}>`)
  const tags: Tag[] = []
  for (const m of markup.matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g,
  )) {
    const attrs = new Map<string, string>()
    for (const a of m[2].matchAll(/([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g))
      attrs.set(a[1].toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''))
    tags.push({ name: m[1].toLowerCase(), attrs })
  }
  return tags
}

const decode = (v: string) =>
  v.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      )
    return ({ amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e.toLowerCase()]
  })

/**
 * The problems of a page's ids: ids used more than once, labels whose `for` names no element or
 * more than one, and aria-describedby / aria-labelledby / in-page links naming no element.
 */
export function idProblems(html: string): string[] {
  const tags = tagsOf(html)
  const count = new Map<string, number>()
  for (const t of tags) {
    const id = t.attrs.get('id')
    if (id !== undefined) count.set(id, (count.get(id) ?? 0) + 1)
  }
  const problems: string[] = []
  for (const [id, n] of count) if (n > 1) problems.push(`id="${id}" is used ${n} times`)
  for (const t of tags) {
    const target = t.attrs.get('for')
    if (t.name === 'label' && target !== undefined && count.get(target) !== 1)
      problems.push(`<label for="${target}"> names ${count.get(target) ?? 0} elements`)
    for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls'])
      for (const id of (t.attrs.get(attr) ?? '').split(/\s+/).filter(Boolean))
        if (!count.has(id)) problems.push(`<${t.name} ${attr}="${id}"> names no element`)
    const href = t.attrs.get('href')
    if (
      t.name === 'a' &&
      href?.startsWith('#') &&
      href.length > 1 &&
      !count.has(decodeURIComponent(href.slice(1)))
    )
      problems.push(`<a href="${href}"> names no element`)
  }
  return problems
}

/** Fails naming every problem idProblems finds. */
export function expectUniqueIds(html: string, where: string): void {
  const problems = idProblems(html)
  assert.deepEqual(problems, [], `${where}:\n  ${problems.join('\n  ')}`)
}

/** The message shown beside a form field (`field-<name>-error`), as text; undefined when there is none. */
export function fieldError(html: string, name: string): string | undefined {
  const found = new RegExp(`<p id="field-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1]
  return found
    ?.replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A page's HTML with its no-break spaces (between a number and its unit, say) as plain spaces, to match text in. */
export const plain = (html: string) => html.replace(/\u00a0/g, ' ')
