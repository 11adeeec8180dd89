// Accounts: what a person does with their account, and what the secretariat does with people. The
// use cases are in sign-in.ts (signing in, sessions, a forgotten password), invitations.ts and
// people.ts (profiles, people, organisations); this is what the routes and other modules call.
import type { Config } from '../../config.ts'
import type { JobQueue } from '../../kernel/jobs.ts'
import type { Pool as DB } from './db.ts'
import * as q from './queries.ts'
import { mailPasswordReset } from './sign-in.ts'
import { deleteOldSignInFailures } from './sign-in-limits.ts'

export {
  acceptInvitation,
  createAccountWithLink,
  type InviteInput,
  invitationState,
  invitePerson,
  renewInvitation,
  requestRegistration,
  revokeInvitation,
} from './invitations.ts'
export {
  changeRole,
  choosesOwnOrganisation,
  type OrganisationBasics,
  type ProfileInput,
  requireOrganisation,
  requirePerson,
  saveOrganisation,
  saveOwnOrganisation,
  setActive,
  updateProfile,
} from './people.ts'
export {
  type Client,
  findSession,
  hashPassword,
  passwordResetState,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signOutEverywhere,
} from './sign-in.ts'
export { type SignInLimits, type SignInOutcome, signInWithinLimits } from './sign-in-limits.ts'

/**
 * Nightly: ended sessions, old reset links and old counts of failed sign-ins go; invitations stay, as
 * the record of who invited whom.
 */
export function accountsQueues(db: DB, config: Pick<Config, 'baseUrl'>): JobQueue[] {
  return [
    {
      name: 'accounts.password-reset',
      retryLimit: 5,
      handler: async (data) => mailPasswordReset(db, String(data.email), config.baseUrl),
    },
    {
      name: 'accounts.cleanup',
      cron: '17 3 * * *',
      retryLimit: 2,
      handler: async () => {
        await q.deleteExpiredAccess(db, new Date(), 30)
        await deleteOldSignInFailures(db)
      },
    },
  ]
}

export {
  countSessionsOf,
  findPerson,
  findPersonByEmail,
  listManagingAuthority,
  listOrganisationChoices,
  listOrganisations,
  listPendingInvitations,
  listPeople,
  listSecretariat,
} from './queries.ts'
