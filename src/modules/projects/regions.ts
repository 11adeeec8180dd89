// Where projects work: the 16 voivodeships, shipped as data with their TERYT codes (GUS) and NUTS 2
// codes (Eurostat's NUTS 2021; Mazowieckie is two NUTS 2 regions, the capital and the rest). Each
// also has its place on a tile-grid map (row, column): a map of Poland that needs no outlines, in
// which every voivodeship is one square of the same size, so a small one is as easy to see (and to
// point at) as a large one.

export interface Voivodeship {
  /** TERYT (TERC) code: two digits, even, '02' to '32'. */
  teryt: string
  name: string
  nuts2: readonly string[]
  /** Place on the tile grid (5 rows by 5 columns), north-west first. */
  tile: readonly [row: number, column: number]
}

export const voivodeships: readonly Voivodeship[] = [
  { teryt: '02', name: 'dolnośląskie', nuts2: ['PL51'], tile: [3, 1] },
  { teryt: '04', name: 'kujawsko-pomorskie', nuts2: ['PL61'], tile: [1, 2] },
  { teryt: '06', name: 'lubelskie', nuts2: ['PL81'], tile: [2, 4] },
  { teryt: '08', name: 'lubuskie', nuts2: ['PL43'], tile: [2, 0] },
  { teryt: '10', name: 'łódzkie', nuts2: ['PL71'], tile: [2, 2] },
  { teryt: '12', name: 'małopolskie', nuts2: ['PL21'], tile: [4, 3] },
  { teryt: '14', name: 'mazowieckie', nuts2: ['PL91', 'PL92'], tile: [2, 3] },
  { teryt: '16', name: 'opolskie', nuts2: ['PL52'], tile: [3, 2] },
  { teryt: '18', name: 'podkarpackie', nuts2: ['PL82'], tile: [4, 4] },
  { teryt: '20', name: 'podlaskie', nuts2: ['PL84'], tile: [1, 4] },
  { teryt: '22', name: 'pomorskie', nuts2: ['PL63'], tile: [0, 2] },
  { teryt: '24', name: 'śląskie', nuts2: ['PL22'], tile: [4, 2] },
  { teryt: '26', name: 'świętokrzyskie', nuts2: ['PL72'], tile: [3, 3] },
  { teryt: '28', name: 'warmińsko-mazurskie', nuts2: ['PL62'], tile: [1, 3] },
  { teryt: '30', name: 'wielkopolskie', nuts2: ['PL41'], tile: [2, 1] },
  { teryt: '32', name: 'zachodniopomorskie', nuts2: ['PL42'], tile: [1, 1] },
]

export const voivodeshipCodes = voivodeships.map((v) => v.teryt) as [string, ...string[]]

const byCode = new Map(voivodeships.map((v) => [v.teryt, v]))

/** A voivodeship's name from its TERYT code ("24" → "śląskie"); the code itself if unknown. */
export const voivodeshipName = (teryt: string) => byCode.get(teryt)?.name ?? teryt
