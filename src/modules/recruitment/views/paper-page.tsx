import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import type { OwnField } from '../fields.ts'
import type { Recruitment } from '../service.ts'
import { EsfQuestions } from './application-form-page.tsx'

/**
 * A paper application typed in by the project's staff: the day it was received (within the
 * recruitment's days), the applicant's address if they gave one (for the mails), and the same
 * questions the online form asks.
 */
export function PaperPage(p: {
  ctx: ViewContext
  r: Recruitment
  fields: OwnField[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.paper.title', { title: p.r.title, ...unescaped })}
      errors={p.errors}
      section="recruitments-manage"
      back={{ href: `/recruitments/${p.r.id}/applications`, label: t('recruitment.staff.back') }}
    >
      <p class="govuk-body">{t('recruitment.paper.intro')}</p>
      <PostForm ctx={p.ctx} action={`/recruitments/${p.r.id}/applications/new`}>
        {f.date('receivedOn', {
          label: t('recruitment.paper.receivedOn'),
          hint: t('recruitment.paper.receivedOnHint'),
        })}
        {f.text('email', {
          label: t('recruitment.paper.email'),
          hint: t('recruitment.paper.emailHint'),
          type: 'email',
          spellcheck: false,
        })}
        <EsfQuestions
          ctx={p.ctx}
          r={p.r}
          fields={p.fields}
          values={p.values}
          errors={p.errors}
          keptPesel={null}
        />
        <Button>{t('recruitment.paper.save')}</Button>
      </PostForm>
    </FormPage>
  )
}
