// Where a material belongs is another module's knowledge (a meeting and one item of its agenda):
// that module says so through its descriptor, so materials need not import it.
import type { FastifyRequest } from 'fastify'
import type { SiatkaModule } from '../../kernel/module.ts'

/** The meeting a material belongs to, named, and its agenda item ("2. Plan pracy"), as its page shows them. */
export interface MaterialPlace {
  url: string
  name: string
  item: string | null
}

export type MaterialPlaceOf = (
  req: FastifyRequest,
  spaceId: string,
  material: { meeting_id: string | null; agenda_item_id: string | null },
) => Promise<MaterialPlace | undefined>

/** A module that can name where a material belongs (meetings). */
export interface PlacesMaterials {
  materialPlace: MaterialPlaceOf
}

const placesMaterials = (m: SiatkaModule): m is SiatkaModule & PlacesMaterials => 'materialPlace' in m

/** Asks each module that knows where materials belong, in the order they are listed; the first answer wins. */
export function materialPlaces(modules: readonly SiatkaModule[]): MaterialPlaceOf {
  const places = modules.filter(placesMaterials)
  return async (req, spaceId, material) => {
    for (const m of places) {
      const place = await m.materialPlace(req, spaceId, material)
      if (place) return place
    }
    return undefined
  }
}
