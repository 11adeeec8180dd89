import { z } from 'zod'
import { emailField, oneOf, optionalText, requiredText } from '../../kernel/forms.ts'
import { langs } from '../../kernel/i18n.ts'
import { isValidNip, isValidRegon, normaliseDigits } from '../../kernel/identifiers.ts'
import { globalRoles } from '../../kernel/policy.ts'
import { passwordLimits, passwordProblem } from './rules.ts'
import { organisationTypes } from './tables.ts'

export const SignIn = z.object({
  email: emailField(),
  password: z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).max(1024),
  next: z.string().optional(),
})

export const PasswordResetRequest = z.object({ email: emailField() })

/** Joining the community: an address; `website` is the field only bots fill. */
export const RegisterForm = z.object({ email: emailField(), website: z.string().max(500).optional() })

/** A new password twice; `email` (when known) keeps people from using their own address. */
export function newPassword(email?: string) {
  return z
    .object({
      password: z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }),
      passwordConfirm: z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, email)
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          path: ['password'],
          message: `accounts.password.${problem}`,
          params: passwordLimits,
        })
      } else if (v.password !== v.passwordConfirm) {
        ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'accounts.password.mismatch' })
      }
    })
}

export const AcceptInvitation = (email: string) =>
  z.object({ name: requiredText(200) }).and(newPassword(email))

const phone = optionalText(40).refine((v) => v === null || /^[+()\d\s-]{5,40}$/.test(v), {
  error: 'accounts.profile.phoneInvalid',
})

export const Profile = z.object({
  name: requiredText(200),
  // Only the secretariat chooses an organisation here (accounts/people.ts updateProfile).
  organisationId: z.union([z.uuid(), z.literal(''), z.undefined()]).transform((v) => v || null),
  position: optionalText(200),
  phone,
  lang: oneOf(langs),
})

export const Invite = z.object({
  email: emailField(),
  role: oneOf(globalRoles),
  organisationId: z.union([z.uuid(), z.literal(''), z.undefined()]).transform((v) => v || null),
})

export const ChangeRole = z.object({ role: oneOf(globalRoles) })

export const PeopleQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  sort: z.enum(['name', 'email', 'organisation', 'role', 'created']).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  status: z.enum(['active', 'inactive', 'all']).catch('active').default('active'),
})
export type PeopleQuery = z.infer<typeof PeopleQuery>

export const OrganisationsQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  sort: z.enum(['name', 'type', 'country']).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})
export type OrganisationsQuery = z.infer<typeof OrganisationsQuery>

const website = optionalText(300).refine((v) => v === null || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v), {
  error: 'accounts.organisations.websiteInvalid',
})

// NIP and REGON are Polish registers: asked for, and checked, only for Polish organisations.
export const Organisation = z
  .object({
    name: requiredText(300),
    type: oneOf(organisationTypes),
    country: z
      .string({ error: 'errors.required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'accounts.organisations.countryInvalid' }),
    nip: optionalText(20).transform((v) => (v ? normaliseDigits(v) : null)),
    regon: optionalText(20).transform((v) => (v ? normaliseDigits(v) : null)),
    address: optionalText(500),
    website,
  })
  .superRefine((v, ctx) => {
    if (v.nip && (v.country !== 'PL' || !isValidNip(v.nip))) {
      ctx.addIssue({
        code: 'custom',
        path: ['nip'],
        message:
          v.country === 'PL' ? 'accounts.organisations.nipInvalid' : 'accounts.organisations.polishOnly',
      })
    }
    if (v.regon && (v.country !== 'PL' || !isValidRegon(v.regon))) {
      ctx.addIssue({
        code: 'custom',
        path: ['regon'],
        message:
          v.country === 'PL' ? 'accounts.organisations.regonInvalid' : 'accounts.organisations.polishOnly',
      })
    }
  })

export const IdParams = z.object({ id: z.uuid() })
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) })
