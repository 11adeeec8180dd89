import type { Generated } from 'kysely'
import type { CreatedAt } from '../../kernel/tables.ts'
import type { TranslationRequestsTable } from './translation-tables.ts'

/** Who may download a material: the space's readers, or anyone when the space is public too. */
export const materialVisibilities = ['members', 'public'] as const
export type MaterialVisibility = (typeof materialVisibilities)[number]

/**
 * The languages a material's file may be in: Polish and English first, then the languages of the
 * partners a community of practice works with across the EU and its neighbours.
 */
export const materialLanguages = [
  'pl',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'uk',
  'cs',
  'sk',
  'lt',
  'lv',
  'et',
  'hu',
  'ro',
] as const
export type MaterialLanguage = (typeof materialLanguages)[number]

/**
 * A material of a space: of one meeting, or of one item of its agenda, or (later: an accepted
 * commissioned analysis) of the space alone. Its files are its language versions.
 */
export interface MaterialsTable {
  id: Generated<string>
  space_id: string
  meeting_id: string | null
  agenda_item_id: string | null
  title: string
  visibility: MaterialVisibility
  created_by: string
  created_at: CreatedAt
}

/**
 * One uploaded file of a material: its language and its version in that language (1, 2, …). A new
 * upload is a new row, so every earlier version stays; the current one is the highest.
 */
export interface MaterialFilesTable {
  id: Generated<string>
  material_id: string
  language: MaterialLanguage
  version: number
  /** The file in kernel/storage, by the SHA-256 of its content. */
  file_hash: string
  /** Its kind as checked from the bytes (pdf, docx, …), and the matching type. */
  kind: string
  mime_type: string
  size_bytes: number
  /** The name it had on the uploader's computer, kept for the record; downloads are named from the title. */
  original_name: string
  uploaded_by: string
  /** An outside translator's name, when the file came through a private link (uploaded_by then commissioned it). */
  uploaded_by_outside: string | null
  uploaded_at: CreatedAt
}

export interface MaterialsTables {
  materials: MaterialsTable
  material_files: MaterialFilesTable
  translation_requests: TranslationRequestsTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends MaterialsTables {}
}
