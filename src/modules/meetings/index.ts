// The meetings module's public face beside service.ts.
export type { MinutesDocument } from './minutes/document.ts'
