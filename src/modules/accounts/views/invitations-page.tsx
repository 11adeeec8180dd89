import { formatDate } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { GlobalRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'

interface Row {
  id: string
  email: string
  role: GlobalRole
  created_at: Date
  expires_at: Date
  inviter_name: string
}

/** Invitations sent but not yet accepted: who, with which role, until when; each can be withdrawn. */
export function InvitationsPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  now: Date
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('accounts.invitations.title')} section="people">
      <a class="govuk-back-link" href="/people">
        {t('accounts.people.back')}
      </a>
      <h1 class="govuk-heading-l">{t('accounts.invitations.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-button" href="/people/invite">
          {t('accounts.invite.title')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('accounts.invitations.none')}</p>
      ) : (
        <Table
          caption={t('accounts.invitations.title')}
          headers={[
            t('accounts.invitations.email'),
            t('accounts.fields.role'),
            t('accounts.invitations.invitedBy'),
            t('accounts.invitations.expires'),
            { hidden: t('accounts.invitations.revoke') },
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {r.email}
              </td>
              <td class="govuk-table__cell">{t(`roles.${r.role}`)}</td>
              <td class="govuk-table__cell" safe>
                {r.inviter_name}
              </td>
              <td class="govuk-table__cell">
                <span safe>{formatDate(r.expires_at, lang)}</span>
                {r.expires_at <= p.now ? (
                  <strong class="govuk-tag govuk-tag--grey">{t('accounts.invitations.expired')}</strong>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell">
                <PostForm ctx={p.ctx} action={`/people/invitations/${r.id}/revoke`}>
                  <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    {t('accounts.invitations.revoke')}
                    <span class="govuk-visually-hidden" safe>
                      {` ${r.email}`}
                    </span>
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/people/invitations" query={{}} />
    </Layout>
  )
}
