import { safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  fieldValue,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { StatusTag } from '../../../spaces/index.ts'
import { nameOf } from '../../../spaces/service.ts'
import { actionStatuses } from '../../minutes/tables.ts'
import { meetingName } from '../../views/meeting-name.ts'
import type { ActionFilter, MyActionRow } from '../service.ts'

/** A person's action items from the minutes: open ones by due date with a form to report on each. */
export function ActionsPage(p: {
  ctx: ViewContext
  rows: MyActionRow[]
  filter: ActionFilter
  page: Page
  hasNext: boolean
  today: string
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  // One form per action item, each asking the same: named by the item, so every id is unique.
  const formOf = (actionId: string) => `action-${actionId}`
  return (
    <Layout ctx={p.ctx} title={t('actions.title')} section="actions" errors={p.refused?.errors}>
      <ErrorSummary
        ctx={p.ctx}
        errors={p.refused?.errors}
        form={p.refused ? formOf(fieldValue(p.refused.values, 'actionId')) : undefined}
      />
      <h1 class="govuk-heading-l">{t('actions.title')}</h1>
      <nav aria-label={t('actions.filterLabel')}>
        <ul class="siatka-tabs">
          {(['open', 'closed'] as const).map((f) => (
            <li>
              <a
                class="siatka-tabs__link"
                href={`/actions?show=${f}`}
                aria-current={f === p.filter ? 'page' : undefined}
              >
                {t(`actions.filters.${f}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.rows.length === 0 ? <p class="govuk-body">{t(`actions.none.${p.filter}`)}</p> : ''}
      {p.rows.map((a) => {
        const here = p.refused?.values.actionId === a.id ? p.refused : undefined
        const f = formFields(
          p.ctx,
          here?.values ?? { status: a.status, note: a.status_note },
          here?.errors,
          formOf(a.id),
        )
        const late = a.status === 'open' && a.due_on < p.today
        return (
          <div class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-m" id={`action-${a.id}`} safe>
              {a.title}
            </h2>
            <p class="govuk-body">
              {t('actions.due', { date: safeDay(a.due_on, lang) })}{' '}
              {late ? <StatusTag label={t('actions.late')} colour="red" /> : ''}
              <br />
              <a class="govuk-link" href={`/spaces/${a.space_id}/meetings/${a.meeting_id}/minutes`}>
                {t('actions.from', {
                  meeting: meetingName(t, {
                    kind: a.meeting_kind,
                    number: a.meeting_number,
                    year: a.meeting_year,
                  }),
                  space: nameOf({ name_pl: a.space_name_pl, name_en: a.space_name_en }, lang),
                })}
              </a>
            </p>
            <PostForm ctx={p.ctx} action={`/actions/${a.id}`}>
              <input type="hidden" name="actionId" value={a.id} />
              {f.radios('status', {
                label: t('actions.status', { title: a.title, ...unescaped }),
                inline: true,
                options: actionStatuses.map((s) => ({ value: s, label: t(`minutes.actions.statuses.${s}`) })),
              })}
              {f.textarea('note', { label: t('actions.note'), rows: 2 })}
              <Button variant="secondary">{t('actions.save')}</Button>
            </PostForm>
          </div>
        )
      })}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/actions" query={{ show: p.filter }} />
    </Layout>
  )
}
