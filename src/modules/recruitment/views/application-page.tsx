import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import { maskPesel } from '../../../kernel/identifiers.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { voivodeshipName } from '../../projects/index.ts'
import { ageOn, esfFields } from '../esf.ts'
import { type AnswerFile, type OwnField, ownFieldName } from '../fields.ts'
import type { StaffApplication } from '../review.ts'
import type { Recruitment } from '../service.ts'
import type { EsfVersion } from '../tables.ts'
import { applicantName } from './parts.tsx'

/**
 * One application for the project's staff (its opening audited): the data given, the PESEL masked
 * unless the recruitment names the reader, the same PESEL in other applications, the formal check
 * and the points of each criterion.
 */
export function ApplicationPage(p: {
  ctx: ViewContext
  r: Recruitment
  a: StaffApplication
  /** The project staff's own questions, whose answers follow the standard ones, and the files attached. */
  fields: OwnField[]
  files: AnswerFile[]
  values?: FormValues
  errors?: FieldErrors
  /** Which of the page's two forms was refused. */
  errorForm?: 'check' | 'points'
}) {
  const { t, lang } = p.ctx
  const tk = t as unknown as (key: string, o?: object) => string
  const { r, a } = p
  const name = applicantName(p.ctx, a)
  const title = t('recruitment.staff.applicationTitle', { name, ...unescaped })
  const check = formFields(
    p.ctx,
    p.errorForm === 'check'
      ? p.values
      : {
          decision: a.state === 'ineligible' ? 'ineligible' : a.state === 'eligible' ? 'eligible' : '',
          reason: a.ineligible_reason,
        },
    p.errorForm === 'check' ? p.errors : undefined,
    'check',
  )
  const points = formFields(
    p.ctx,
    p.errorForm === 'points'
      ? p.values
      : Object.fromEntries(r.criteria.map((c) => [`points-${c.id}`, String(a.points[c.id] ?? 0)])),
    p.errorForm === 'points' ? p.errors : undefined,
    'points',
  )
  const answer = (name: string, v: string | undefined) => {
    if (!v) return t('recruitment.esf.missing')
    const f = esfFields(r.esf_version as EsfVersion).find((x) => x.name === name)
    if (name === 'voivodeship') return voivodeshipName(v)
    if (f?.kind === 'declaration') return t('recruitment.esf.answers.yes')
    if (f?.kind !== 'choice') return v
    const key =
      name === 'sex'
        ? 'sexes'
        : name === 'education'
          ? 'educationLevels'
          : name === 'labourStatus'
            ? 'labour'
            : name === 'degurba'
              ? 'degurbaLevels'
              : 'answers'
    return tk(`recruitment.esf.${key}.${v}`)
  }
  const rows: [string, string][] = [
    [t('recruitment.esf.groupId'), r.groups.find((g) => g.id === a.group_id)?.name ?? ''],
    [t('recruitment.own.state'), tk(`recruitment.own.states.${a.state}`)],
    [t('recruitment.staff.submitted'), a.submitted_at ? formatDateTime(a.submitted_at, lang) : ''],
    [t('recruitment.staff.email'), a.email],
    [
      t('recruitment.esf.pesel'),
      a.pesel ? (r.peselReader ? a.pesel : maskPesel(a.pesel)) : t('recruitment.esf.noPesel'),
    ],
    [t('recruitment.esf.birthDate'), a.birth_date ?? ''],
    [
      t('recruitment.staff.age'),
      a.birth_date && a.submitted_at
        ? t('recruitment.staff.ageValue', {
            count: ageOn(a.birth_date, a.submitted_at.toISOString().slice(0, 10)),
          })
        : '',
    ],
    [t('recruitment.staff.sexDerived'), a.sex ? tk(`recruitment.esf.sexes.${a.sex}`) : ''],
    ...esfFields(r.esf_version as EsfVersion)
      .filter((f) => !['givenName', 'familyName', 'pesel', 'noPesel', 'birthDate', 'sex'].includes(f.name))
      .map((f): [string, string] => [
        tk(`recruitment.esf.${f.name}`),
        f.name === 'municipality' && a.answers.municipalityName
          ? `${a.answers.municipalityName} (${a.answers.municipalityCode})`
          : answer(f.name, a.answers[f.name]),
      ]),
  ]
  for (const x of p.fields) {
    const v = a.answers[ownFieldName(x)]
    rows.push([
      x.label,
      v ? (x.kind === 'declaration' ? t('recruitment.esf.answers.yes') : v) : t('recruitment.esf.missing'),
    ])
  }
  const errors = p.errors
    ? Object.fromEntries(Object.entries(p.errors).map(([k, v]) => [`${p.errorForm}-${k}`, v]))
    : undefined
  return (
    <Layout ctx={p.ctx} title={title} errors={p.errors} section="recruitments-manage">
      <ErrorSummary ctx={p.ctx} errors={errors} />
      <a class="govuk-back-link" href={`/recruitments/${r.id}/applications`}>
        {t('recruitment.staff.back')}
      </a>
      <h1 class="govuk-heading-l" safe>
        {`${title}`}
      </h1>
      <p class="govuk-body-s">{t('recruitment.staff.viewedNote')}</p>
      {r.peselReader ? '' : <p class="govuk-body-s">{t('recruitment.staff.peselMasked')}</p>}
      {a.duplicates.length ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div class="govuk-warning-text__text">
            {t('recruitment.staff.duplicates')}:{' '}
            {a.duplicates.map((d, i) => (
              <>
                {i ? ', ' : ''}
                <a class="govuk-link" href={`/recruitments/${r.id}/applications/${d.id}`} safe>
                  {applicantName(p.ctx, d)}
                </a>
              </>
            ))}
          </div>
        </div>
      ) : (
        ''
      )}
      <dl class="govuk-summary-list">
        {rows.map(([k, v]) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {k}
            </dt>
            <dd class="govuk-summary-list__value siatka-pre-line" safe>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {p.files.length ? (
        <>
          <h2 class="govuk-heading-s">{t('recruitment.fields.files')}</h2>
          <ul class="govuk-list">
            {p.files.map((file) => (
              <li>
                <a
                  class="govuk-link"
                  href={`/recruitments/${r.id}/applications/${a.id}/files/${file.field_id}`}
                  safe
                >
                  {file.original_name}
                </a>{' '}
                <span class="govuk-body-s" safe>
                  {`(${file.kind.toUpperCase()}, ${fileSize(file.size_bytes, lang)})`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {a.state !== 'withdrawn' ? (
        <>
          <h2 class="govuk-heading-m">{t('recruitment.staff.check')}</h2>
          {a.checked_by_name ? (
            <p class="govuk-body-s" safe>
              {`${t('recruitment.staff.checkedBy', { name: a.checked_by_name, ...unescaped })}`}
            </p>
          ) : (
            ''
          )}
          {r.decided_at ? (
            <p class="govuk-body">{t('recruitment.errors.decided')}</p>
          ) : (
            <PostForm ctx={p.ctx} action={`/recruitments/${r.id}/applications/${a.id}/check`}>
              {check.radios('decision', {
                label: t('recruitment.staff.decision'),
                options: [
                  { value: 'eligible', label: t('recruitment.staff.eligible') },
                  { value: 'ineligible', label: t('recruitment.staff.ineligible') },
                ],
              })}
              {check.textarea('reason', { label: t('recruitment.staff.reason'), rows: 3 })}
              <Button>{t('recruitment.staff.saveCheck')}</Button>
            </PostForm>
          )}
          {r.criteria.length ? (
            <>
              <h2 class="govuk-heading-m">{t('recruitment.staff.points')}</h2>
              <p class="govuk-body">{t('recruitment.staff.total', { score: a.score })}</p>
              <PostForm ctx={p.ctx} action={`/recruitments/${r.id}/applications/${a.id}/points`}>
                {r.criteria.map((c) =>
                  c.rule === 'manual' && !r.decided_at ? (
                    points.text(`points-${c.id}`, {
                      label: t('recruitment.staff.pointsFor', {
                        criterion: c.label,
                        max: c.points,
                        ...unescaped,
                      }),
                      width: 'govuk-input--width-5',
                    })
                  ) : (
                    <p class="govuk-body" safe>
                      {`${c.label}: ${a.points[c.id] ?? 0} / ${c.points}${c.rule === 'manual' ? '' : ` (${t('recruitment.staff.automatic')})`}`}
                    </p>
                  ),
                )}
                {r.criteria.some((c) => c.rule === 'manual') && !r.decided_at ? (
                  <Button>{t('recruitment.staff.savePoints')}</Button>
                ) : (
                  ''
                )}
              </PostForm>
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
