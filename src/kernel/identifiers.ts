// Polish register numbers with their checksums: NIP (tax) and REGON (statistics). Accounts checks
// them on an organisation, projects on an imported partner, the demo data on itself.

/** NIP: 10 digits, the last a checksum of the first nine with these weights, mod 11 (10 is invalid). */
export function isValidNip(raw: string): boolean {
  const nip = raw.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(nip)) return false
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(nip[i]), 0)
  const check = sum % 11
  return check !== 10 && check === Number(nip[9])
}

/** REGON: 9 or 14 digits; the last digit is a weighted sum mod 11, where 10 counts as 0. */
export function isValidRegon(raw: string): boolean {
  const regon = raw.replace(/[\s-]/g, '')
  const weights =
    regon.length === 9
      ? [8, 9, 2, 3, 4, 5, 6, 7]
      : regon.length === 14
        ? [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
        : null
  if (!weights || !/^\d+$/.test(regon)) return false
  const sum = weights.reduce((acc, w, i) => acc + w * Number(regon[i]), 0)
  return (sum % 11) % 10 === Number(regon[regon.length - 1])
}

export const normaliseDigits = (raw: string) => raw.replace(/[\s-]/g, '')

// PESEL: 11 digits, YYMMDD (the month raised by 20 for 2000–2099, 80 for the 1800s, 40 and 60 after
// 2099), a serial of four whose last is odd for a man and even for a woman, and a check digit.
const peselWeights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
const centuries: readonly [offset: number, century: number][] = [
  [80, 1800],
  [60, 2200],
  [40, 2100],
  [20, 2000],
  [0, 1900],
]

/** The check digit of a PESEL's first ten digits. */
const peselCheck = (ten: string) =>
  (10 - (peselWeights.reduce((acc, w, i) => acc + w * Number(ten[i]), 0) % 10)) % 10

/** What is wrong with a typed PESEL (spaces allowed), or null: 'format' (not 11 digits), 'checksum', or 'date' (no such day). */
export function peselProblem(raw: string): 'format' | 'checksum' | 'date' | null {
  const pesel = normaliseDigits(raw)
  if (!/^\d{11}$/.test(pesel)) return 'format'
  if (peselCheck(pesel) !== Number(pesel[10])) return 'checksum'
  return peselBirthDate(pesel) ? null : 'date'
}

/** The day of birth a PESEL encodes (YYYY-MM-DD), or null when it names no calendar day. */
export function peselBirthDate(pesel: string): string | null {
  const yy = Number(pesel.slice(0, 2))
  const mm = Number(pesel.slice(2, 4))
  const dd = pesel.slice(4, 6)
  const found = centuries.find(([offset]) => mm > offset && mm <= offset + 12)
  if (!found) return null
  const [offset, century] = found
  const day = `${century + yy}-${String(mm - offset).padStart(2, '0')}-${dd}`
  const at = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day) ? day : null
}

/** The sex a PESEL encodes: the tenth digit odd for a man ('M'), even for a woman ('K'). */
export const peselSex = (pesel: string): 'M' | 'K' => (Number(pesel[9]) % 2 === 1 ? 'M' : 'K')

/** A PESEL as most people are shown it: the day of birth, the rest hidden ('440514*****'). */
export const maskPesel = (pesel: string) => `${pesel.slice(0, 6)}*****`

/** A valid PESEL for a day of birth, sex and serial (0–999): for demo data and tests. */
export function makePesel(birthDate: string, sex: 'M' | 'K', serial: number): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number]
  const offset = centuries.find(([, century]) => year >= century && year < century + 100)?.[0] ?? 0
  const sexDigit = (serial % 5) * 2 + (sex === 'M' ? 1 : 0)
  const ten = `${String(year % 100).padStart(2, '0')}${String(month + offset).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}${sexDigit}`
  return `${ten}${peselCheck(ten)}`
}
