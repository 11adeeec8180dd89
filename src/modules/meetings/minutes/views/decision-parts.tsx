import { safeMarkdown } from '../../../../kernel/markdown.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Button, PostForm } from '../../../../kernel/views/fields.tsx'
import { paragraphs } from '../document.ts'
import type { DecisionRow } from '../queries.ts'
import type { Fields } from './minutes-forms.ts'

/**
 * A typed text (minutes, a decision, a comment) with its Markdown formatting rendered, a newline
 * kept as a line break, or the hint given for an empty one. Its own headings sit below the
 * page's (h5), so the outline stays in order.
 */
export function Paragraphs({ text, empty }: { text: string; empty?: string }) {
  if (paragraphs(text).length === 0)
    return empty ? (
      <p class="govuk-body govuk-hint" safe>
        {empty}
      </p>
    ) : (
      ''
    )
  return safeMarkdown(text, 5, { lineBreaks: true })
}

export function Votes({
  ctx,
  d,
}: {
  ctx: ViewContext
  d: Pick<DecisionRow, 'votes_for' | 'votes_against' | 'votes_abstaining'>
}) {
  return (
    <p class="govuk-body-s">
      {ctx.t('minutes.decisions.votes', {
        for: d.votes_for,
        against: d.votes_against,
        abstaining: d.votes_abstaining,
      })}
    </p>
  )
}

/**
 * A meeting's minutes: the status and approved revisions (downloads), who attended, what was said of
 * each agenda item with its decisions and action items, and the comments. The secretary adds
 * decisions and action items here and sends the draft out; the chair approves; members comment.
 */

/** The decision's questions; the form posts to `action` (a new decision by default). */
export function DecisionFields(p: {
  ctx: ViewContext
  f: Fields
  items: { value: string; label: string }[]
  action: string
  hidden?: Record<string, string>
  /** Correcting a recorded decision rather than adding one. */
  correcting?: boolean
}) {
  const { t } = p.ctx
  return (
    <PostForm ctx={p.ctx} action={p.action}>
      {Object.entries(p.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {p.f.select('agendaItemId', { label: t('minutes.item'), options: p.items })}
      {p.f.text('title', { label: t('minutes.decisions.title') })}
      {p.f.textarea('body', { label: t('minutes.decisions.body'), rows: 5 })}
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          {t('minutes.decisions.vote')}
        </legend>
        {p.f.text('votesFor', {
          label: t('minutes.decisions.for'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
        {p.f.text('votesAgainst', {
          label: t('minutes.decisions.against'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
        {p.f.text('votesAbstaining', {
          label: t('minutes.decisions.abstaining'),
          type: 'number',
          width: 'govuk-input--width-5',
        })}
      </fieldset>
      <Button variant="secondary">
        {p.correcting ? t('minutes.decisions.save') : t('minutes.decisions.add')}
      </Button>
    </PostForm>
  )
}
