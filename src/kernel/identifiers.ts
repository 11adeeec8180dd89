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
