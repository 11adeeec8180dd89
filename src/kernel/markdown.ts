// Markdown written by people (announcements, rules of procedure) as HTML that cannot carry script:
// markdown-it with raw HTML off, then sanitize-html as a second wall.
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
// Minutes, comments and decisions are typed as plain text first: a single newline is a line
// break there, as it was when they were shown as plain text.
const mdLines = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true })

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
export function safeMarkdown(
  source: string,
  topLevel: 3 | 4 | 5 = 3,
  options: { lineBreaks?: boolean } = {},
): string {
  const key = `${topLevel}${options.lineBreaks ? 'b' : ''}${source}`
  let html = rendered.get(key)
  if (html === undefined) {
    html = render(source, topLevel, options.lineBreaks ? mdLines : md)
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

function render(source: string, topLevel: 3 | 4 | 5, parser: MarkdownIt): string {
  const raw = parser.render(source)
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

/** A stretch of text in one style. */
export interface MarkdownRun {
  text: string
  bold?: boolean
  italic?: boolean
  code?: boolean
}

/**
 * A person's Markdown as blocks a document writer (DOCX, ODT, PDF) can lay out without HTML: a
 * paragraph, heading, quote or code block of styled runs, with its list marker ("•", "2.") and
 * how deep in lists it sits; a table as plain cells. Links keep their address beside the text
 * ("text (https://…)"), since a printed page cannot be clicked; a newline in a run is a line break.
 */
export type MarkdownBlock =
  | {
      type: 'text'
      style: 'paragraph' | 'heading' | 'quote' | 'code'
      runs: MarkdownRun[]
      /** The list marker on an item's first paragraph. */
      marker?: string
      /** 0 outside lists; 1 in a list, 2 in a list inside it, … */
      depth: number
    }
  | { type: 'table'; header: string[]; rows: string[][] }

type Token = ReturnType<MarkdownIt['parse']>[number]

export function markdownBlocks(source: string): MarkdownBlock[] {
  const tokens = mdLines.parse(source, {})
  const blocks: MarkdownBlock[] = []
  // Open lists: the next number of an ordered one (null for bullets), and whether the current
  // item's first paragraph has had its marker.
  const lists: { next: number | null; marked: boolean }[] = []
  let quote = 0
  let heading = false
  let table: { header: string[]; rows: string[][]; row: string[] | null; inHead: boolean } | null = null
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ next: null, marked: true })
        break
      case 'ordered_list_open':
        lists.push({ next: Number(token.attrGet('start') ?? 1), marked: true })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        const list = lists.at(-1)
        if (list) list.marked = false
        break
      }
      case 'blockquote_open':
        quote++
        break
      case 'blockquote_close':
        quote--
        break
      case 'heading_open':
        heading = true
        break
      case 'heading_close':
        heading = false
        break
      case 'table_open':
        table = { header: [], rows: [], row: null, inHead: false }
        break
      case 'thead_open':
        if (table) table.inHead = true
        break
      case 'thead_close':
        if (table) table.inHead = false
        break
      case 'tr_open':
        if (table) table.row = []
        break
      case 'tr_close':
        if (table?.row) {
          if (table.inHead) table.header = table.row
          else table.rows.push(table.row)
          table.row = null
        }
        break
      case 'table_close':
        if (table) blocks.push({ type: 'table', header: table.header, rows: table.rows })
        table = null
        break
      case 'fence':
      case 'code_block':
        blocks.push({
          type: 'text',
          style: 'code',
          runs: [{ text: token.content.replace(/\n$/, ''), code: true }],
          depth: lists.length,
        })
        break
      case 'hr':
        break
      case 'inline': {
        const runs = inlineRuns(token.children ?? [])
        if (table?.row) {
          table.row.push(runs.map((r) => r.text).join(''))
          break
        }
        const list = lists.at(-1)
        let marker: string | undefined
        if (list && !list.marked) {
          list.marked = true
          marker = list.next === null ? '•' : `${list.next++}.`
        }
        blocks.push({
          type: 'text',
          style: heading ? 'heading' : quote > 0 ? 'quote' : 'paragraph',
          runs,
          ...(marker ? { marker } : {}),
          depth: lists.length,
        })
        break
      }
    }
  }
  return blocks
}

function inlineRuns(children: Token[]): MarkdownRun[] {
  const runs: MarkdownRun[] = []
  let bold = 0
  let italic = 0
  const links: string[] = []
  const add = (text: string, code = false) => {
    if (text === '') return
    const style = { ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}) }
    const last = runs.at(-1)
    if (last && !code && !last.code && Boolean(last.bold) === bold > 0 && Boolean(last.italic) === italic > 0)
      last.text += text
    else runs.push({ text, ...style, ...(code ? { code: true } : {}) })
  }
  let linkText = ''
  for (const c of children) {
    switch (c.type) {
      case 'text':
        add(c.content)
        linkText += c.content
        break
      case 'softbreak':
      case 'hardbreak':
        add('\n')
        break
      case 'code_inline':
        add(c.content, true)
        linkText += c.content
        break
      case 'strong_open':
        bold++
        break
      case 'strong_close':
        bold--
        break
      case 'em_open':
        italic++
        break
      case 'em_close':
        italic--
        break
      case 'link_open':
        links.push(c.attrGet('href') ?? '')
        linkText = ''
        break
      case 'link_close': {
        const href = links.pop() ?? ''
        // An address written out (linkified, or <…>) is not repeated after itself.
        const bare = (s: string) => s.replace(/^(mailto:|https?:\/\/)/, '')
        if (href !== '' && bare(linkText) !== bare(href)) add(` (${href.replace(/^mailto:/, '')})`)
        break
      }
      case 'image':
        add(c.content)
        break
    }
  }
  return runs
}
