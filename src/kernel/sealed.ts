// Personal data kept encrypted at rest (a recruitment applicant's PESEL): AES-256-GCM under a key
// derived from the installation's data key (config.dataKey: DATA_KEY, or a file kept in the data
// folder beside the session secret). A database dump alone reads none of it. A fingerprint (an HMAC
// under a second derived key) finds the same value twice without opening either.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

export interface Sealer {
  /** The value encrypted: 'v1.' and the nonce, tag and ciphertext in base64url. */
  seal(plain: string): string
  /** The value again; throws on a sealed text that was changed or sealed under another key. */
  open(sealed: string): string
  /** The same value in the same scope always gives the same fingerprint; nothing leads back. */
  fingerprint(plain: string, scope: string): string
}

const derive = (dataKey: string, info: string) => Buffer.from(hkdfSync('sha256', dataKey, 'siatka', info, 32))

export function sealer(dataKey: string): Sealer {
  const key = derive(dataKey, 'personal-data')
  const macKey = derive(dataKey, 'personal-data-fingerprint')
  return {
    seal(plain) {
      const nonce = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, nonce)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `v1.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')}`
    },
    open(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('not a sealed value')
      const raw = Buffer.from(sealed.slice(3), 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
    fingerprint(plain, scope) {
      return createHmac('sha256', macKey).update(`${scope}\u0000${plain}`).digest('base64url')
    },
  }
}
