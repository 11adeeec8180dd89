// Markdown written by people (announcements, rules of procedure) as HTML that cannot carry script:
// markdown-it with raw HTML off, then sanitize-html as a second wall.
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

// govuk-frontend's typography classes, so the text looks like the rest of the page.
const classes: Record<string, string> = {
  p: 'govuk-body',
  h1: 'govuk-heading-m',
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  table: 'govuk-table',
}

/**
 * Headings in a person's text start below the page's own (h1 is the page's, the block's own
 * heading is h2 or h3), so the outline a screen reader reads stays in order.
 */
export function safeMarkdown(source: string, topLevel: 3 | 4 = 3): string {
  const key = `${topLevel}${source}`
  let html = rendered.get(key)
  if (html === undefined) {
    html = render(source, topLevel)
    rendered.set(key, html)
    keptChars += key.length + html.length
    // A few megabytes at most: the oldest texts go first (a Map keeps the order they came in).
    for (const [old, oldHtml] of rendered) {
      if (keptChars <= maxKeptChars) break
      rendered.delete(old)
      keptChars -= old.length + oldHtml.length
    }
  }
  return html
}

// The same text renders to the same HTML: kept once rendered, instead of markdown-it and
// sanitize-html on every request (16 % of a space's overview, issue 16).
const rendered = new Map<string, string>()
const maxKeptChars = 4_000_000
let keptChars = 0

function render(source: string, topLevel: 3 | 4): string {
  const raw = md.render(source)
  return sanitizeHtml(raw, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'em',
      'a',
      'ul',
      'ol',
      'li',
      'blockquote',
      'code',
      'pre',
      'h1',
      'h2',
      'h3',
      'h4',
      // Moved down a level or two (see topLevel), h3 and h4 become h5 and h6: without them here
      // the heading's tags were dropped and a list after it lost its end (axe: a broken list).
      'h5',
      'h6',
      'hr',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: {
      '*': (tagName, attribs) => {
        let tag = tagName
        const level = /^h([1-4])$/.exec(tagName)
        if (level) tag = `h${Math.min(6, Number(level[1]) + topLevel - 1)}`
        const cls = classes[tagName]
        return { tagName: tag, attribs: cls ? { ...attribs, class: cls } : attribs }
      },
    },
    allowedClasses: { '*': Object.values(classes).flatMap((c) => c.split(' ')) },
  })
}
