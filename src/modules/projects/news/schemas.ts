import { z } from 'zod'
import { checkbox, dayField, fileField, requiredText, textOrEmpty } from '../../../kernel/forms.ts'

/** A post of the project's news: its title, day and text (Markdown). */
export const NewsForm = z.object({
  title: requiredText(200),
  publishedOn: dayField(),
  body: textOrEmpty(20_000),
})
export type NewsForm = z.output<typeof NewsForm>

/** Where the news continue: after the post with this id (newest first). */
export const NewsQuery = z.object({ after: z.uuid().nullable().catch(null).default(null) })

/** A document: its title, its file, and whether the public page offers it. */
export const DocumentForm = z.object({
  title: requiredText(200),
  file: fileField(),
  isPublic: checkbox,
})
export type DocumentForm = z.output<typeof DocumentForm>

export const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() })
