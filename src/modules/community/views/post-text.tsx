import { safeMarkdown } from '../../../kernel/markdown.ts'
import { withMentionsMarked } from '../mentions.ts'

/**
 * A forum post's text as every page shows it: the kernel's sanitising Markdown, with @mentions in
 * bold. `level` is the heading a `#` in the text becomes (below the page's own).
 */
export function PostText(p: { body: string; level?: 3 | 4 }) {
  return <>{safeMarkdown(withMentionsMarked(p.body), p.level ?? 3)}</>
}
