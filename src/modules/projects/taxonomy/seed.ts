// The programmes' taxonomy an installation starts from (issue 12): the ESF programmes the
// secretariat's networks have worked with, from EQUAL to FERS. The secretariat keeps it from then on;
// this list only seeds an empty table.
import type { FundingPeriod, TaxonomyLevel } from '../tables.ts'

interface Node {
  level: Exclude<TaxonomyLevel, 'programme'>
  code: string
  name_pl: string
  name_en: string
  children?: readonly Omit<Node, 'children'>[]
}

interface Programme {
  code: string
  name_pl: string
  name_en: string
  period: FundingPeriod
  children: readonly Node[]
}

const measure = (code: string, name_pl: string, name_en: string) =>
  ({ level: 'measure', code, name_pl, name_en }) as const

export const programmeTaxonomy: readonly Programme[] = [
  {
    code: 'EQUAL',
    name_pl: 'Program Inicjatywy Wspólnotowej EQUAL',
    name_en: 'EQUAL Community Initiative Programme',
    period: '2004-2006',
    children: [
      {
        level: 'priority',
        code: 'A',
        name_pl: 'Ułatwianie wchodzenia i powrotu na rynek pracy',
        name_en: 'Access and return to the labour market',
      },
      {
        level: 'priority',
        code: 'D',
        name_pl: 'Wzmocnienie gospodarki społecznej',
        name_en: 'Strengthening the social economy',
      },
      {
        level: 'priority',
        code: 'E',
        name_pl: 'Wspieranie kształcenia ustawicznego',
        name_en: 'Promoting lifelong learning',
      },
      {
        level: 'priority',
        code: 'F',
        name_pl: 'Wspieranie zdolności adaptacyjnych firm i pracowników',
        name_en: 'Adaptability of firms and employees',
      },
      {
        level: 'priority',
        code: 'G',
        name_pl: 'Godzenie życia rodzinnego i zawodowego',
        name_en: 'Reconciling family and working life',
      },
      {
        level: 'priority',
        code: 'I',
        name_pl: 'Integracja społeczna i zawodowa osób ubiegających się o status uchodźcy',
        name_en: 'Integration of asylum seekers',
      },
    ],
  },
  {
    code: 'PO KL',
    name_pl: 'Program Operacyjny Kapitał Ludzki',
    name_en: 'Human Capital Operational Programme',
    period: '2007-2013',
    children: [
      {
        level: 'priority',
        code: 'V',
        name_pl: 'Dobre rządzenie',
        name_en: 'Good governance',
        children: [
          measure('5.4', 'Rozwój potencjału trzeciego sektora', 'Developing the third sector'),
          measure('5.5', 'Rozwój dialogu społecznego', 'Developing social dialogue'),
        ],
      },
      {
        level: 'priority',
        code: 'VII',
        name_pl: 'Promocja integracji społecznej',
        name_en: 'Promoting social integration',
        children: [
          measure(
            '7.2',
            'Przeciwdziałanie wykluczeniu i wzmocnienie sektora ekonomii społecznej',
            'Preventing exclusion and strengthening the social economy',
          ),
          measure(
            '7.3',
            'Inicjatywy lokalne na rzecz aktywnej integracji',
            'Local initiatives for active integration',
          ),
        ],
      },
    ],
  },
  {
    code: 'POWER',
    name_pl: 'Program Operacyjny Wiedza Edukacja Rozwój',
    name_en: 'Knowledge Education Development Operational Programme',
    period: '2014-2020',
    children: [
      {
        level: 'priority',
        code: 'II',
        name_pl: 'Efektywne polityki publiczne dla rynku pracy, gospodarki i edukacji',
        name_en: 'Effective public policies for the labour market, the economy and education',
        children: [
          measure('2.5', 'Skuteczna pomoc społeczna', 'Effective social assistance'),
          measure(
            '2.8',
            'Rozwój usług społecznych świadczonych w środowisku lokalnym',
            'Community-based social services',
          ),
          measure('2.9', 'Rozwój ekonomii społecznej', 'Developing the social economy'),
        ],
      },
      {
        level: 'priority',
        code: 'IV',
        name_pl: 'Innowacje społeczne i współpraca ponadnarodowa',
        name_en: 'Social innovation and transnational cooperation',
        children: [
          measure('4.1', 'Innowacje społeczne', 'Social innovation'),
          measure('4.3', 'Współpraca ponadnarodowa', 'Transnational cooperation'),
        ],
      },
    ],
  },
  {
    code: 'RPO',
    name_pl: 'Regionalne programy operacyjne 2014–2020',
    name_en: 'Regional operational programmes 2014–2020',
    period: '2014-2020',
    children: [
      {
        level: 'priority',
        code: 'IX',
        name_pl: 'Włączenie społeczne',
        name_en: 'Social inclusion',
        children: [
          measure('9.3', 'Rozwój ekonomii społecznej w regionie', 'The social economy in the region'),
        ],
      },
    ],
  },
  {
    code: 'FERS',
    name_pl: 'Fundusze Europejskie dla Rozwoju Społecznego',
    name_en: 'European Funds for Social Development',
    period: '2021-2027',
    children: [
      {
        level: 'priority',
        code: '4',
        name_pl: 'Innowacje społeczne',
        name_en: 'Social innovation',
        children: [
          measure('04.01', 'Innowacje społeczne', 'Social innovation'),
          measure('04.02', 'Współpraca ponadnarodowa', 'Transnational cooperation'),
        ],
      },
    ],
  },
]
