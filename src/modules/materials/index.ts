// The materials module's public face beside service.ts: its parts of other modules' pages.

export { materialRows } from './joinable.ts'
export type { MaterialPlace, MaterialPlaceOf, PlacesMaterials } from './place.ts'
export { MaterialForm } from './schemas.ts'
export type { PublicMaterial } from './service.ts'
export { AgendaItemMaterials, MeetingMaterials } from './views/meeting-materials.tsx'
