import { z } from 'zod'
import { fileField, oneOf, optionalId, requiredText } from '../../kernel/forms.ts'
import { materialLanguages, materialVisibilities } from './tables.ts'

export const MaterialParams = z.object({ id: z.uuid(), itemId: z.uuid() })
export const FileParams = z.object({ id: z.uuid(), itemId: z.uuid(), fileId: z.uuid() })

// Field names differ from the agenda form's: both forms are on the meeting page, and every
// field's id (field-<name>) must be unique there.
export const MaterialForm = z.object({
  materialTitle: requiredText(300),
  agendaItemId: optionalId(),
  language: oneOf(materialLanguages),
  visibility: oneOf(materialVisibilities),
  file: fileField(),
})
export type MaterialForm = z.output<typeof MaterialForm>

export const VersionForm = z.object({
  language: oneOf(materialLanguages),
  file: fileField(),
})
export type VersionForm = z.output<typeof VersionForm>

export const VisibilityForm = z.object({ visibility: oneOf(materialVisibilities) })
