// Partner search's demo: 80 organisations from 15 EU countries with community profiles, each with a
// contact person (an author without a password), open partner requests (and one expired, one
// withdrawn), and a conversation between an Irish network and the demo member's cooperative.
// Names follow each country's usage; Polish and Czech surnames agree with the person's gender.
import { addDays, today } from '../../../kernel/dates.ts'
import type { OrganisationType } from '../../accounts/index.ts'
import { projectThemes } from '../../projects/index.ts'
import type { Db } from '../db.ts'
import type { Programme } from './rules.ts'
import { PartnerSearchQuery } from './schemas.ts'

interface Country {
  code: string
  lang: string
  /** Cities with their NUTS 2 region's code and name. */
  cities: [city: string, nuts: string, region: string][]
  /** Organisation names by kind; {city} is replaced. */
  names: Partial<Record<OrganisationType, string>>
  people: string[]
}

const countries: Country[] = [
  {
    code: 'DE',
    lang: 'de',
    cities: [
      ['Leipzig', 'DED5', 'Leipzig'],
      ['Dortmund', 'DEA5', 'Arnsberg'],
      ['Berlin', 'DE30', 'Berlin'],
      ['Nürnberg', 'DE25', 'Mittelfranken'],
      ['Bremen', 'DE50', 'Bremen'],
      ['Kassel', 'DE73', 'Kassel'],
      ['Hannover', 'DE92', 'Hannover'],
    ],
    names: {
      ngo: 'Verein für Soziale Teilhabe {city} e.V.',
      local_government: 'Stadt {city} – Amt für Soziales',
      enterprise: 'Sozialgenossenschaft {city} eG',
      university: 'Hochschule {city}',
      public_administration: 'Jobcenter {city}',
    },
    people: [
      'Katrin Weber',
      'Stefan Hoffmann',
      'Julia Becker',
      'Andreas Schulz',
      'Sabine Wagner',
      'Markus Fischer',
    ],
  },
  {
    code: 'ES',
    lang: 'es',
    cities: [
      ['Sevilla', 'ES61', 'Andalucía'],
      ['Valencia', 'ES52', 'Comunitat Valenciana'],
      ['Bilbao', 'ES21', 'País Vasco'],
      ['Zaragoza', 'ES24', 'Aragón'],
      ['Valladolid', 'ES41', 'Castilla y León'],
      ['Murcia', 'ES62', 'Región de Murcia'],
    ],
    names: {
      ngo: 'Asociación Inserta {city}',
      local_government: 'Ayuntamiento de {city}',
      enterprise: 'Cooperativa Social {city}',
      university: 'Universidad de {city}',
      public_administration: 'Servicio Público de Empleo de {city}',
    },
    people: [
      'Lucía García Martín',
      'Javier Romero Ruiz',
      'Carmen Navarro Gil',
      'Pablo Torres Díaz',
      'Elena Ortega Sanz',
    ],
  },
  {
    code: 'IT',
    lang: 'it',
    cities: [
      ['Bologna', 'ITH5', 'Emilia-Romagna'],
      ['Torino', 'ITC1', 'Piemonte'],
      ['Bari', 'ITF4', 'Puglia'],
      ['Firenze', 'ITI1', 'Toscana'],
      ['Palermo', 'ITG1', 'Sicilia'],
    ],
    names: {
      ngo: 'Associazione Insieme {city}',
      local_government: 'Comune di {city}',
      enterprise: 'Cooperativa Sociale Il Ponte {city}',
      university: 'Università di {city}',
      public_administration: 'Centro per l’Impiego di {city}',
    },
    people: ['Giulia Rossi', 'Marco Bianchi', 'Francesca Romano', 'Luca Colombo', 'Chiara Ricci'],
  },
  {
    code: 'FR',
    lang: 'fr',
    cities: [
      ['Lyon', 'FRK2', 'Rhône-Alpes'],
      ['Lille', 'FRE1', 'Nord-Pas-de-Calais'],
      ['Nantes', 'FRG0', 'Pays de la Loire'],
      ['Toulouse', 'FRJ2', 'Midi-Pyrénées'],
      ['Strasbourg', 'FRF1', 'Alsace'],
    ],
    names: {
      ngo: 'Association Solidarités {city}',
      local_government: 'Ville de {city} – Direction de la cohésion sociale',
      enterprise: 'Entreprise d’insertion {city} SCIC',
      university: 'Université de {city}',
      public_administration: 'Mission locale de {city}',
    },
    people: ['Camille Laurent', 'Nicolas Moreau', 'Claire Dubois', 'Julien Lefèvre', 'Sophie Girard'],
  },
  {
    code: 'IE',
    lang: 'en',
    cities: [
      ['Dublin', 'IE06', 'Eastern and Midland'],
      ['Cork', 'IE05', 'Southern'],
      ['Galway', 'IE04', 'Northern and Western'],
      ['Limerick', 'IE05', 'Southern'],
    ],
    names: {
      ngo: '{city} Community Action Network',
      local_government: '{city} City Council – Community Section',
      enterprise: '{city} Social Enterprise Hub CLG',
      university: 'Technological University {city}',
    },
    people: ['Siobhan Murphy', 'Cian O’Brien', 'Niamh Kelly', 'Darragh Walsh'],
  },
  {
    code: 'NL',
    lang: 'nl',
    cities: [
      ['Rotterdam', 'NL33', 'Zuid-Holland'],
      ['Utrecht', 'NL31', 'Utrecht'],
      ['Groningen', 'NL11', 'Groningen'],
      ['Eindhoven', 'NL41', 'Noord-Brabant'],
    ],
    names: {
      ngo: 'Stichting Samen Werken {city}',
      local_government: 'Gemeente {city}',
      enterprise: 'Sociale Onderneming {city} B.V.',
      university: 'Hogeschool {city}',
    },
    people: ['Sanne de Jong', 'Pieter Bakker', 'Lotte Visser', 'Bram Jansen'],
  },
  {
    code: 'CZ',
    lang: 'cs',
    cities: [
      ['Brno', 'CZ06', 'Jihovýchod'],
      ['Ostrava', 'CZ08', 'Moravskoslezsko'],
      ['Praha', 'CZ01', 'Praha'],
      ['Olomouc', 'CZ07', 'Střední Morava'],
      ['Liberec', 'CZ05', 'Severovýchod'],
    ],
    names: {
      ngo: 'Spolek Otevřené dveře {city}',
      local_government: 'Statutární město {city}',
      enterprise: 'Sociální družstvo {city}',
      university: 'Institut sociální práce {city}',
      public_administration: 'Úřad práce – kontaktní pracoviště {city}',
    },
    people: ['Petra Dvořáková', 'Martin Procházka', 'Lenka Horáková', 'Jakub Kučera', 'Eva Veselá'],
  },
  {
    code: 'SK',
    lang: 'sk',
    cities: [
      ['Košice', 'SK04', 'Východné Slovensko'],
      ['Žilina', 'SK03', 'Stredné Slovensko'],
      ['Bratislava', 'SK01', 'Bratislavský kraj'],
      ['Nitra', 'SK02', 'Západné Slovensko'],
    ],
    names: {
      ngo: 'Občianske združenie Spolu {city}',
      local_government: 'Mesto {city}',
      enterprise: 'Sociálny podnik {city} s.r.o.',
      university: 'Inštitút sociálnej práce {city}',
    },
    people: ['Zuzana Kováčová', 'Peter Horváth', 'Jana Baláková', 'Michal Varga'],
  },
  {
    code: 'LT',
    lang: 'lt',
    cities: [
      ['Vilnius', 'LT01', 'Sostinės regionas'],
      ['Kaunas', 'LT02', 'Vidurio ir vakarų Lietuvos regionas'],
      ['Klaipėda', 'LT02', 'Vidurio ir vakarų Lietuvos regionas'],
      ['Šiauliai', 'LT02', 'Vidurio ir vakarų Lietuvos regionas'],
    ],
    names: {
      ngo: 'Asociacija „Kartu“ {city}',
      local_government: 'Savivaldybės administracija – {city}',
      enterprise: 'Socialinė įmonė „Darbas“ {city}',
      university: 'Kolegija – {city}',
    },
    people: ['Rūta Kazlauskienė', 'Mantas Petrauskas', 'Eglė Jankauskaitė', 'Tomas Stankevičius'],
  },
  {
    code: 'PT',
    lang: 'pt',
    cities: [
      ['Porto', 'PT11', 'Norte'],
      ['Lisboa', 'PT17', 'Área Metropolitana de Lisboa'],
      ['Coimbra', 'PT16', 'Centro'],
      ['Faro', 'PT15', 'Algarve'],
    ],
    names: {
      ngo: 'Associação Mais Inclusão {city}',
      local_government: 'Câmara Municipal de {city}',
      enterprise: 'Cooperativa Social {city} CRL',
      university: 'Instituto Politécnico de {city}',
    },
    people: ['Ana Ferreira', 'João Pereira', 'Inês Rodrigues', 'Rui Carvalho'],
  },
  {
    code: 'AT',
    lang: 'de',
    cities: [
      ['Graz', 'AT22', 'Steiermark'],
      ['Linz', 'AT31', 'Oberösterreich'],
      ['Wien', 'AT13', 'Wien'],
      ['Innsbruck', 'AT33', 'Tirol'],
    ],
    names: {
      ngo: 'Verein Chancengleichheit {city}',
      local_government: 'Magistrat {city} – Sozialamt',
      enterprise: 'Sozialökonomischer Betrieb {city} GmbH',
      university: 'Fachhochschule {city}',
    },
    people: ['Verena Gruber', 'Lukas Huber', 'Theresa Mayer', 'Florian Bauer'],
  },
  {
    code: 'SE',
    lang: 'sv',
    cities: [
      ['Malmö', 'SE22', 'Sydsverige'],
      ['Göteborg', 'SE23', 'Västsverige'],
      ['Umeå', 'SE33', 'Övre Norrland'],
      ['Uppsala', 'SE12', 'Östra Mellansverige'],
    ],
    names: {
      ngo: 'Föreningen Tillsammans {city}',
      local_government: '{city} stad – Arbetsmarknadsförvaltningen',
      enterprise: 'Arbetsintegrerande socialt företag {city} ek. för.',
      university: 'Högskolan i {city}',
    },
    people: ['Karin Lindqvist', 'Erik Johansson', 'Emma Nilsson', 'Oskar Berg'],
  },
  {
    code: 'FI',
    lang: 'fi',
    cities: [
      ['Tampere', 'FI19', 'Länsi-Suomi'],
      ['Oulu', 'FI1D', 'Pohjois- ja Itä-Suomi'],
      ['Helsinki', 'FI1B', 'Helsinki-Uusimaa'],
      ['Turku', 'FI1C', 'Etelä-Suomi'],
    ],
    names: {
      ngo: 'Yhdessä ry {city}',
      local_government: 'Työllisyyspalvelut – {city}',
      enterprise: 'Yhteiskunnallinen yritys {city} Oy',
      university: '{city} ammattikorkeakoulu',
    },
    people: ['Laura Virtanen', 'Mikko Korhonen', 'Anna Mäkinen', 'Jussi Nieminen'],
  },
  {
    code: 'GR',
    lang: 'el',
    cities: [
      ['Thessaloniki', 'EL52', 'Kentriki Makedonia'],
      ['Athina', 'EL30', 'Attiki'],
      ['Patra', 'EL63', 'Dytiki Elláda'],
      ['Irakleio', 'EL43', 'Kriti'],
    ],
    names: {
      ngo: 'Civil Non-Profit Company Koinonia {city}',
      local_government: 'Municipality of {city} – Social Policy Directorate',
      enterprise: 'Social Cooperative Enterprise Allileggii {city}',
      university: 'University of {city} – Social Research Lab',
    },
    people: ['Eleni Papadopoulou', 'Giorgos Nikolaou', 'Maria Georgiou', 'Dimitris Konstantinou'],
  },
  {
    code: 'PL',
    lang: 'pl',
    cities: [
      ['Katowice', 'PL22', 'śląskie'],
      ['Wrocław', 'PL51', 'dolnośląskie'],
      ['Gdańsk', 'PL63', 'pomorskie'],
      ['Lublin', 'PL81', 'lubelskie'],
      ['Poznań', 'PL41', 'wielkopolskie'],
      ['Białystok', 'PL84', 'podlaskie'],
      ['Rzeszów', 'PL82', 'podkarpackie'],
      ['Olsztyn', 'PL62', 'warmińsko-mazurskie'],
      ['Łódź', 'PL71', 'łódzkie'],
      ['Kielce', 'PL72', 'świętokrzyskie'],
      ['Opole', 'PL52', 'opolskie'],
      ['Toruń', 'PL61', 'kujawsko-pomorskie'],
    ],
    names: {
      ngo: 'Stowarzyszenie Integracji Społecznej „Most” – {city}',
      local_government: 'Miejski Ośrodek Pomocy Rodzinie – {city}',
      enterprise: 'Spółdzielnia Socjalna „Nowy Start” – {city}',
      university: 'Centrum Badań Społecznych – {city}',
      public_administration: 'Powiatowy Urząd Pracy – {city}',
    },
    people: [
      'Agnieszka Kowalczyk',
      'Michał Lewandowski',
      'Katarzyna Wójcik',
      'Paweł Kamiński',
      'Joanna Mazur',
      'Grzegorz Krawczyk',
      'Ewa Piotrowska',
      'Marcin Grabowski',
      'Monika Zając',
      'Tomasz Szymański',
      'Aleksandra Dąbrowska',
      'Krzysztof Wieczorek',
    ],
  },
]

const themeCodes = [
  'social-economy',
  'inclusion',
  'labour-market',
  'cooperation',
  'social-services',
  'skills',
  'equality',
  'innovation',
]
const programmeSets: Programme[][] = [
  ['esf_plus', 'erasmus_plus'],
  ['esf_plus', 'interreg'],
  ['erasmus_plus'],
  ['esf_plus', 'cerv'],
  ['interreg', 'horizon_europe'],
  ['esf_plus'],
  ['amif', 'esf_plus'],
]
const sizeOf: Record<OrganisationType, 'micro' | 'small' | 'medium' | 'large'> = {
  ngo: 'small',
  local_government: 'large',
  enterprise: 'micro',
  university: 'large',
  public_administration: 'medium',
  other: 'small',
}

const offers: Record<OrganisationType, [pl: string, en: string]> = {
  ngo: [
    'Prowadzimy warsztaty aktywizacji zawodowej i mentoring dla osób długotrwale bezrobotnych; mamy kontakty z lokalnymi pracodawcami.',
    'We run job-readiness workshops and mentoring for long-term unemployed people, with a network of local employers.',
  ],
  local_government: [
    'Wnosimy dostęp do uczestników z pomocy społecznej, lokale na szkolenia i doświadczenie w rozliczaniu projektów EFS.',
    'We bring access to participants through our social services, training rooms and experience in reporting ESF projects.',
  ],
  enterprise: [
    'Zatrudniamy osoby zagrożone wykluczeniem; oferujemy staże i wizyty studyjne w naszej spółdzielni.',
    'We employ people at risk of exclusion and offer work placements and study visits in our enterprise.',
  ],
  university: [
    'Ewaluacja, badania potrzeb i opracowanie modeli do testowania; doświadczenie w metodach mieszanych.',
    'Evaluation, needs assessment and developing models for piloting; experienced in mixed methods.',
  ],
  public_administration: [
    'Doradztwo zawodowe i pośrednictwo pracy; dane o lokalnym rynku pracy.',
    'Career guidance and job matching; data on the local labour market.',
  ],
  other: ['', ''],
}
const seeks: [pl: string, en: string] = [
  'Szukamy partnerów do wymiany doświadczeń i wspólnego testowania rozwiązań w ramach współpracy ponadnarodowej.',
  'We look for partners to exchange experience and test solutions together in transnational cooperation.',
]

/** A person's address made from their name, without the letters an address cannot carry. */
const addressOf = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[’']/g, '')
    .toLowerCase()
    .split(/\s+/)
    .join('.')}@partners.demo.siatka.test`

export async function seedPartners(db: Db) {
  const themes = new Map((await projectThemes(db)).map((th) => [th.code, th.id]))
  const themeIds = (codes: string[]) => codes.map((c) => themes.get(c)).filter((id): id is string => !!id)

  // 80 organisations: each country's cities in turn, a kind each, with a contact person.
  const generated: {
    name: string
    type: OrganisationType
    country: Country
    city: [string, string, string]
    person: string
    i: number
  }[] = []
  let i = 0
  for (const country of countries) {
    const names = Object.entries(country.names) as [OrganisationType, string][]
    country.cities.forEach((city, c) => {
      const [type, pattern] = names[c % names.length] as [OrganisationType, string]
      generated.push({
        name: pattern.replace('{city}', city[0]),
        type,
        country,
        city,
        person: country.people[c % country.people.length] as string,
        i: i++,
      })
    })
  }
  const created = await db
    .insertInto('organisations')
    .values(
      generated.map((g) => ({
        name: g.name,
        type: g.type,
        country: g.country.code,
        website: `https://org${g.i + 1}.example.org`,
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'name'])
    .execute()
  const idOf = new Map(created.map((o) => [o.name, o.id]))
  await db
    .insertInto('people')
    .values(
      generated.map((g) => ({
        email: addressOf(`${g.person} ${g.i + 1}`),
        name: g.person,
        password_hash: null,
        role: 'community_member' as const,
        organisation_id: idOf.get(g.name) as string,
        position: null,
        lang: g.country.code === 'PL' ? ('pl' as const) : ('en' as const),
        updated_at: new Date(),
      })),
    )
    .execute()

  // The demo's own organisations that take part: the member's cooperative, the chair's ROPS, the
  // expert's university and the Irish network.
  const own = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'country'])
    .where('name', 'in', [
      'Spółdzielnia Socjalna „Razem”',
      'Regionalny Ośrodek Polityki Społecznej w Krakowie',
      'Uniwersytet Łódzki',
      'Social Economy Network Ireland',
    ])
    .execute()
  const ownRegion: Record<string, [string, string]> = {
    'Spółdzielnia Socjalna „Razem”': ['PL21', 'małopolskie'],
    'Regionalny Ośrodek Polityki Społecznej w Krakowie': ['PL21', 'małopolskie'],
    'Uniwersytet Łódzki': ['PL71', 'łódzkie'],
    'Social Economy Network Ireland': ['IE06', 'Eastern and Midland'],
  }
  const profiles = [
    ...generated.map((g) => {
      const pl = g.country.code === 'PL'
      return {
        organisation_id: idOf.get(g.name) as string,
        region_code: g.city[1],
        region_name: g.city[2],
        themes: themeIds([
          themeCodes[g.i % themeCodes.length] as string,
          themeCodes[(g.i * 3 + 1) % themeCodes.length] as string,
        ]),
        languages: [
          ...new Set([
            g.country.lang,
            'en',
            ...(g.i % 4 === 0 ? ['de'] : []),
            ...(g.i % 5 === 0 ? ['fr'] : []),
          ]),
        ],
        programmes: programmeSets[g.i % programmeSets.length] as string[],
        size: sizeOf[g.type],
        lang: pl ? 'pl' : 'en',
        experience: pl
          ? 'Realizowaliśmy projekty EFS jako partner krajowy; pierwszy raz szukamy partnera zagranicznego.'
          : 'Partner in ESF and Erasmus+ projects since 2015.',
        offers: offers[g.type][pl ? 0 : 1],
        seeks: seeks[pl ? 0 : 1],
        // Joined the partner search over the last year and a half, a few in the last weeks.
        created_at: new Date(Date.now() - (((g.i * 37) % 540) + 2) * 86_400_000),
      }
    }),
    ...own.map((o) => {
      const pl = o.country === 'PL'
      return {
        organisation_id: o.id,
        region_code: ownRegion[o.name]?.[0] ?? null,
        region_name: ownRegion[o.name]?.[1] ?? '',
        themes: themeIds(
          o.type === 'university'
            ? ['skills', 'innovation']
            : ['social-economy', 'labour-market', 'inclusion'],
        ),
        languages: pl ? ['pl', 'en'] : ['en', 'ga'],
        programmes: ['esf_plus', 'erasmus_plus'],
        size: sizeOf[o.type],
        lang: pl ? 'pl' : 'en',
        experience: pl
          ? 'Projekty EFS w latach 2014–2020 i FERS 2021–2027, w tym jako lider partnerstwa.'
          : 'Lead partner of two ESF transnational projects on social enterprise support.',
        offers: offers[o.type][pl ? 0 : 1],
        seeks: seeks[pl ? 0 : 1],
      }
    }),
  ]
  await db.insertInto('community_organisations').values(profiles).execute()

  const day = today()
  const orgId = (name: string) => {
    const id = idOf.get(name) ?? own.find((o) => o.name === name)?.id
    if (!id) throw new Error(`No demo organisation ${name}`)
    return id
  }
  const contact = async (organisationId: string) =>
    (
      await db
        .selectFrom('people')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id
  const requests: {
    org: string
    title: string
    idea: string
    lang: 'pl' | 'en'
    programme: Programme
    kinds: OrganisationType[]
    countries: string[]
    themes: string[]
    languages: string[]
    competences: string
    deadline: number
    closed?: boolean
  }[] = [
    {
      org: 'Spółdzielnia Socjalna „Razem”',
      title: 'Szukamy partnera z Irlandii lub Hiszpanii do projektu o zatrudnieniu wspieranym',
      idea: 'Chcemy przenieść do Małopolski model zatrudnienia wspieranego z trenerem pracy. Projekt EFS+ na 24 miesiące, start w III kwartale przyszłego roku.',
      lang: 'pl',
      programme: 'esf_plus',
      kinds: ['ngo', 'enterprise'],
      countries: ['IE', 'ES'],
      themes: ['social-economy', 'labour-market'],
      languages: ['en'],
      competences: 'Doświadczenie w zatrudnieniu wspieranym i szkoleniu trenerów pracy.',
      deadline: 45,
    },
    {
      org: 'Social Economy Network Ireland',
      title: 'Partners wanted: social enterprise incubation for rural areas',
      idea: 'A transnational ESF+ project to test an incubation programme for social enterprises in rural areas, with peer visits between partners.',
      lang: 'en',
      programme: 'esf_plus',
      kinds: ['local_government', 'ngo'],
      countries: ['PL', 'CZ', 'LT'],
      themes: ['social-economy', 'innovation'],
      languages: ['en'],
      competences: 'Working with rural municipalities; mentoring of start-ups.',
      deadline: 30,
    },
    {
      org: 'Hochschule Nürnberg',
      title: 'Evaluation partner sought: youth guarantee outreach',
      idea: 'We plan an Erasmus+ cooperation partnership on outreach to young people not in employment, education or training.',
      lang: 'en',
      programme: 'erasmus_plus',
      kinds: ['ngo', 'public_administration'],
      countries: [],
      themes: ['labour-market', 'skills'],
      languages: ['en', 'de'],
      competences: 'Youth work; street work.',
      deadline: 60,
    },
    {
      org: 'Comune di Torino',
      title: 'Co-housing and social services: city partners sought',
      idea: 'Cities exchanging models of community-based care and co-housing for older people, ESF+ transnational call.',
      lang: 'en',
      programme: 'esf_plus',
      kinds: ['local_government'],
      countries: [],
      themes: ['social-services', 'inclusion'],
      languages: ['en', 'it'],
      competences: '',
      deadline: 21,
    },
    {
      org: 'Stowarzyszenie Integracji Społecznej „Most” – Katowice',
      title: 'Partner z Czech lub Słowacji do projektu Interreg o integracji migrantów',
      idea: 'Wspólne punkty informacyjne dla migrantów zarobkowych po obu stronach granicy.',
      lang: 'pl',
      programme: 'interreg',
      kinds: ['ngo', 'local_government'],
      countries: ['CZ', 'SK'],
      themes: ['inclusion', 'cooperation'],
      languages: ['pl', 'cs', 'sk'],
      competences: 'Doradztwo dla migrantów, tłumaczenia.',
      deadline: 75,
    },
    {
      org: 'Association Solidarités Lyon',
      title: 'Digital skills for older workers: partners wanted',
      idea: 'Short courses on digital skills for workers over 55, tested in three countries.',
      lang: 'en',
      programme: 'erasmus_plus',
      kinds: [],
      countries: [],
      themes: ['skills', 'equality'],
      languages: ['en', 'fr'],
      competences: 'Adult education.',
      deadline: 90,
    },
    {
      org: 'Gemeente Utrecht',
      title: 'Cities on social procurement',
      idea: 'Sharing how cities use social clauses in public procurement to create jobs.',
      lang: 'en',
      programme: 'interreg',
      kinds: ['local_government', 'university'],
      countries: [],
      themes: ['social-economy', 'cooperation'],
      languages: ['en'],
      competences: '',
      deadline: -10,
    },
    {
      org: 'Institut sociální práce Olomouc',
      title: 'Research partner for a study of sheltered workshops',
      idea: 'Comparative study of sheltered workshops in Central Europe.',
      lang: 'en',
      programme: 'horizon_europe',
      kinds: ['university'],
      countries: ['PL', 'SK', 'HU'],
      themes: ['equality'],
      languages: ['en'],
      competences: '',
      deadline: 40,
      closed: true,
    },
  ]
  const inserted = []
  for (const r of requests) {
    const organisationId = orgId(r.org)
    inserted.push(
      await db
        .insertInto('community_partner_requests')
        .values({
          organisation_id: organisationId,
          author_id: await contact(organisationId),
          title: r.title,
          idea: r.idea,
          lang: r.lang,
          programme: r.programme,
          seek_kinds: r.kinds,
          seek_countries: r.countries,
          seek_themes: themeIds(r.themes),
          seek_languages: r.languages,
          competences: r.competences,
          deadline: addDays(day, r.deadline),
          closed_at: r.closed ? new Date() : null,
          created_at: new Date(Date.now() - (100 - r.deadline) * 86_400_000),
        })
        .returning(['id', 'organisation_id'])
        .executeTakeFirstOrThrow(),
    )
  }

  // The Irish network answers the cooperative's request; the cooperative's member replies.
  const cooperative = orgId('Spółdzielnia Socjalna „Razem”')
  const irish = await db
    .selectFrom('people')
    .select(['id'])
    .where('email', '=', 'aoife.byrne@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const member = await db
    .selectFrom('people')
    .select(['id'])
    .where('email', '=', 'czlonek@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const first = new Date(Date.now() - 3 * 86_400_000)
  const second = new Date(Date.now() - 2 * 86_400_000)
  const thread = await db
    .insertInto('community_threads')
    .values({
      organisation_id: cooperative,
      starter_id: irish.id,
      request_id: inserted[0]?.id ?? null,
      subject: 'Supported employment: we would like to join',
      created_at: first,
      last_message_at: second,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('community_messages')
    .values([
      {
        thread_id: thread.id,
        author_id: irish.id,
        body: 'Dear colleagues,\n\nwe have run a supported employment programme with job coaches in Dublin since 2017 and would be glad to share it. Could we talk next week?\n\nAoife',
        created_at: first,
      },
      {
        thread_id: thread.id,
        author_id: member.id,
        body: 'Dear Aoife,\n\nthank you, that is exactly what we need. Tuesday or Wednesday afternoon would suit us.\n\nCelina',
        created_at: second,
      },
    ])
    .execute()
  await db
    .insertInto('community_thread_people')
    .values([
      { thread_id: thread.id, person_id: irish.id, read_at: second, revealed_at: second },
      { thread_id: thread.id, person_id: member.id, read_at: second, revealed_at: null },
    ])
    .execute()

  // The cooperative's member keeps a search for social-economy partners in Ireland and Spain who
  // work in English; last Monday's round told her of what was new then.
  const query = PartnerSearchQuery.parse({
    theme: themeIds(['social-economy']),
    country: ['ES', 'IE'],
    language: ['en'],
  })
  await db
    .insertInto('community_saved_searches')
    .values({
      person_id: member.id,
      target: 'organisations',
      query: JSON.stringify(query),
      created_at: new Date(Date.now() - 30 * 86_400_000),
      checked_at: new Date(Date.now() - 3 * 86_400_000),
    })
    .execute()
}
