import type { AppDb as Db } from '../../kernel/db.ts'
import type { GlobalRole } from '../../kernel/policy.ts'
import { newToken } from '../../kernel/tokens.ts'
import { lifetimes } from './rules.ts'
import { hashPassword } from './service.ts'
import type { OrganisationType } from './tables.ts'

export const demoPassword = 'Demo-Siatka-2026'

const organisations: {
  name: string
  type: OrganisationType
  country: string
  nip?: string
  regon?: string
  address?: string
  website?: string
}[] = [
  {
    name: 'Fundacja Współpracy Lokalnej',
    type: 'ngo',
    country: 'PL',
    nip: '5252248481',
    regon: '140902180',
    address: 'ul. Marszałkowska 10, 00-590 Warszawa',
    website: 'https://fwl.example.org',
  },
  {
    name: 'Ministerstwo Funduszy i Polityki Regionalnej',
    type: 'public_administration',
    country: 'PL',
    address: 'ul. Wspólna 2/4, 00-926 Warszawa',
  },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
    type: 'local_government',
    country: 'PL',
    address: 'ul. Piastowska 32, 30-070 Kraków',
  },
  {
    name: 'Uniwersytet Łódzki',
    type: 'university',
    country: 'PL',
    address: 'ul. Narutowicza 68, 90-136 Łódź',
  },
  {
    name: 'Spółdzielnia Socjalna „Razem”',
    type: 'enterprise',
    country: 'PL',
    address: 'ul. Długa 5, 80-827 Gdańsk',
  },
  { name: 'Social Economy Network Ireland', type: 'ngo', country: 'IE', website: 'https://seni.example.org' },
]

const people: { email: string; name: string; role: GlobalRole; org: number; position: string }[] = [
  {
    email: 'admin@demo.siatka.test',
    name: 'Anna Administratorka',
    role: 'admin',
    org: 0,
    position: 'Administratorka systemu',
  },
  {
    email: 'koordynator@demo.siatka.test',
    name: 'Krzysztof Koordynator',
    role: 'coordinator',
    org: 0,
    position: 'Koordynator Sekretariatu KST',
  },
  {
    email: 'sekretarz@demo.siatka.test',
    name: 'Sylwia Sekretarz',
    role: 'secretary',
    org: 0,
    position: 'Sekretarz KST',
  },
  {
    email: 'przewodniczacy@demo.siatka.test',
    name: 'Piotr Przewodniczący',
    role: 'member',
    org: 2,
    position: 'Dyrektor ROPS',
  },
  {
    email: 'czlonek@demo.siatka.test',
    name: 'Celina Członkini',
    role: 'member',
    org: 4,
    position: 'Prezeska spółdzielni',
  },
  {
    email: 'ekspert@demo.siatka.test',
    name: 'Edward Ekspert',
    role: 'expert',
    org: 3,
    position: 'Profesor ekonomii społecznej',
  },
  {
    email: 'iz@demo.siatka.test',
    name: 'Irena z Instytucji Zarządzającej',
    role: 'managing_authority',
    org: 1,
    position: 'Naczelniczka wydziału',
  },
  {
    email: 'projekt@demo.siatka.test',
    name: 'Paweł Projektowy',
    role: 'project_staff',
    org: 0,
    position: 'Kierownik projektu',
  },
]

export async function seedAccounts(db: Db) {
  const people = await seedPeople(db)
  // One invitation waiting to be accepted, so the pending list shows something (its link is unknown to all).
  await db
    .insertInto('invitations')
    .values({
      email: 'nowa.ekspertka@demo.siatka.test',
      role: 'expert',
      organisation_id: null,
      token_hash: newToken().hash,
      invited_by: people.get('koordynator@demo.siatka.test')!,
      expires_at: new Date(Date.now() + lifetimes.invitationMs),
    })
    .execute()
}

async function seedPeople(db: Db): Promise<Map<string, string>> {
  const orgs = await db
    .insertInto('organisations')
    .values(
      organisations.map((o) => ({
        name: o.name,
        type: o.type,
        country: o.country,
        nip: o.nip ?? null,
        regon: o.regon ?? null,
        address: o.address ?? null,
        website: o.website ?? null,
        updated_at: new Date(),
      })),
    )
    .returning('id')
    .execute()
  const passwordHash = await hashPassword(demoPassword)
  const rows = await db
    .insertInto('people')
    .values(
      people.map((p) => ({
        email: p.email,
        name: p.name,
        password_hash: passwordHash,
        role: p.role,
        organisation_id: orgs[p.org].id,
        position: p.position,
        lang: 'pl' as const,
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'email'])
    .execute()
  return new Map(rows.map((r) => [r.email, r.id]))
}
