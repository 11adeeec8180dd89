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

/** A subregion (podregion): a NUTS 3 unit, a group of powiats inside one voivodeship. */
export interface Subregion {
  /** NUTS 3 code: the NUTS 2 region's code and one more character ('PL22A'). */
  nuts3: string
  name: string
  /** The voivodeship's TERYT code. */
  voivodeship: string
}

/**
 * The 73 subregions of NUTS 2021 (Commission Regulation (EU) 2019/1755; the same 73 GUS has used
 * since 1 January 2018), by voivodeship and code. Their names are GUS's: a subregion is named after
 * its main town, hence the adjective.
 */
const subregionsByNuts2: Record<string, [suffix: string, name: string][]> = {
  PL21: [
    ['3', 'Miasto Kraków'],
    ['4', 'krakowski'],
    ['7', 'tarnowski'],
    ['8', 'nowosądecki'],
    ['9', 'nowotarski'],
    ['A', 'oświęcimski'],
  ],
  PL22: [
    ['4', 'częstochowski'],
    ['5', 'bielski'],
    ['7', 'rybnicki'],
    ['8', 'bytomski'],
    ['9', 'gliwicki'],
    ['A', 'katowicki'],
    ['B', 'sosnowiecki'],
    ['C', 'tyski'],
  ],
  PL41: [
    ['1', 'pilski'],
    ['4', 'koniński'],
    ['5', 'Miasto Poznań'],
    ['6', 'kaliski'],
    ['7', 'leszczyński'],
    ['8', 'poznański'],
  ],
  PL42: [
    ['4', 'Miasto Szczecin'],
    ['6', 'koszaliński'],
    ['7', 'szczecinecko-pyrzycki'],
    ['8', 'szczeciński'],
  ],
  PL43: [
    ['1', 'gorzowski'],
    ['2', 'zielonogórski'],
  ],
  PL51: [
    ['4', 'Miasto Wrocław'],
    ['5', 'jeleniogórski'],
    ['6', 'legnicko-głogowski'],
    ['7', 'wałbrzyski'],
    ['8', 'wrocławski'],
  ],
  PL52: [
    ['3', 'nyski'],
    ['4', 'opolski'],
  ],
  PL61: [
    ['3', 'bydgosko-toruński'],
    ['6', 'grudziądzki'],
    ['7', 'inowrocławski'],
    ['8', 'świecki'],
    ['9', 'włocławski'],
  ],
  PL62: [
    ['1', 'elbląski'],
    ['2', 'olsztyński'],
    ['3', 'ełcki'],
  ],
  PL63: [
    ['3', 'trójmiejski'],
    ['4', 'gdański'],
    ['6', 'słupski'],
    ['7', 'chojnicki'],
    ['8', 'starogardzki'],
  ],
  PL71: [
    ['1', 'Miasto Łódź'],
    ['2', 'łódzki'],
    ['3', 'piotrkowski'],
    ['4', 'sieradzki'],
    ['5', 'skierniewicki'],
  ],
  PL72: [
    ['1', 'kielecki'],
    ['2', 'sandomiersko-jędrzejowski'],
  ],
  PL81: [
    ['1', 'bialski'],
    ['2', 'chełmsko-zamojski'],
    ['4', 'lubelski'],
    ['5', 'puławski'],
  ],
  PL82: [
    ['1', 'krośnieński'],
    ['2', 'przemyski'],
    ['3', 'rzeszowski'],
    ['4', 'tarnobrzeski'],
  ],
  PL84: [
    ['1', 'białostocki'],
    ['2', 'łomżyński'],
    ['3', 'suwalski'],
  ],
  PL91: [
    ['1', 'Miasto Warszawa'],
    ['2', 'warszawski wschodni'],
    ['3', 'warszawski zachodni'],
  ],
  PL92: [
    ['1', 'radomski'],
    ['2', 'ciechanowski'],
    ['3', 'płocki'],
    ['4', 'ostrołęcki'],
    ['5', 'siedlecki'],
    ['6', 'żyrardowski'],
  ],
}

export const subregions: readonly Subregion[] = voivodeships.flatMap((v) =>
  v.nuts2.flatMap((nuts2) =>
    (subregionsByNuts2[nuts2] ?? []).map(([suffix, name]) => ({
      nuts3: nuts2 + suffix,
      name,
      voivodeship: v.teryt,
    })),
  ),
)

export const subregionCodes = subregions.map((s) => s.nuts3) as [string, ...string[]]

const subregionByCode = new Map(subregions.map((s) => [s.nuts3, s]))

/** A subregion by its NUTS 3 code. */
export const subregion = (nuts3: string) => subregionByCode.get(nuts3)

/** A subregion's name ("PL22A" → "katowicki"); the code itself if unknown. */
export const subregionName = (nuts3: string) => subregionByCode.get(nuts3)?.name ?? nuts3

/**
 * Where a project works, in words: each voivodeship, followed by the subregions chosen in it
 * ("śląskie (bielski, katowicki)"); the voivodeships of the chosen subregions count even if not
 * ticked themselves.
 */
export function areaOf(regions: readonly string[], nuts3: readonly string[]) {
  const wanted = new Set(nuts3)
  const chosen = subregions.filter((s) => wanted.has(s.nuts3))
  const codes = new Set([...regions, ...chosen.map((s) => s.voivodeship)])
  return voivodeships
    .filter((v) => codes.has(v.teryt))
    .map((v) => {
      const inside = chosen.filter((s) => s.voivodeship === v.teryt).map((s) => s.name)
      return inside.length ? `${v.name} (${inside.join(', ')})` : v.name
    })
}
