import { unescaped } from '../../../kernel/i18n.ts'
import { maskPesel, peselProblem } from '../../../kernel/identifiers.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { FormPage } from '../../../kernel/views/form-page.tsx'
import { voivodeshipChoices } from '../../projects/index.ts'
import { type EsfField, esfFields } from '../esf.ts'
import { type AnswerFile, type OwnField, ownFieldName } from '../fields.ts'
import { applicationWindow, mayWithdraw } from '../rules.ts'
import type { Application, Recruitment } from '../service.ts'
import type { EsfVersion } from '../tables.ts'
import { dayText } from './parts.tsx'

/** The catalogue key of a choice's answer. */
const optionKey = (f: EsfField, v: string) =>
  f.name === 'sex'
    ? `recruitment.esf.sexes.${v}`
    : f.name === 'education'
      ? `recruitment.esf.educationLevels.${v}`
      : f.name === 'labourStatus'
        ? `recruitment.esf.labour.${v}`
        : f.name === 'degurba'
          ? `recruitment.esf.degurbaLevels.${v}`
          : `recruitment.esf.answers.${v}`

const hints: Record<string, string> = {
  pesel: 'recruitment.esf.peselHint',
  birthDate: 'recruitment.esf.birthDateHint',
  municipality: 'recruitment.esf.municipalityHint',
  degurba: 'recruitment.esf.degurbaHint',
}

/** A form's values from a saved application: its answers, its group. */
export const valuesOf = (a: Application): FormValues => ({ ...a.answers, groupId: a.group_id ?? '' })

/**
 * The applicant's own page, by the private link: while a draft and applications are taken, the
 * form (the target group, the ESF participant data of the recruitment's version, the social
 * situation with refusal offered, the declarations and the information clause), saved as a draft
 * or sent; otherwise where the application stands, and withdrawing it.
 */
export function ApplicationFormPage(p: {
  ctx: ViewContext
  token: string
  r: Recruitment
  a: Application
  today: string
  values?: FormValues
  errors?: FieldErrors
  /** The PESEL kept, shown masked (the field itself stays empty). */
  keptPesel: string | null
  fields: OwnField[]
  /** The files the draft attached (answering a question that asks for one). */
  files: AnswerFile[]
}) {
  const { t, lang } = p.ctx
  const { r, a } = p
  const editable = a.state === 'draft' && applicationWindow(r, p.today) === 'open'
  return (
    <FormPage
      ctx={p.ctx}
      title={t('recruitment.own.title', { title: r.title, ...unescaped })}
      errors={p.errors}
      section="recruitments"
      back={{ href: `/recruitments/${r.id}`, label: r.title }}
    >
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('recruitment.own.state')}</dt>
          <dd class="govuk-summary-list__value">{t(`recruitment.own.states.${a.state}`)}</dd>
        </div>
      </dl>
      {a.state === 'accepted' && a.support_starts_on ? (
        <p class="govuk-body">
          {t('recruitment.own.supportStarts', { day: dayText(a.support_starts_on, lang) })}
        </p>
      ) : (
        ''
      )}
      {(a.state === 'ineligible' || a.state === 'rejected') && a.ineligible_reason && r.decided_at ? (
        <p class="govuk-body siatka-pre-line">
          {t('recruitment.own.reason', { reason: a.ineligible_reason })}
        </p>
      ) : (
        ''
      )}
      {editable ? (
        <PostForm
          ctx={p.ctx}
          action={`/recruitments/applications/${p.token}`}
          upload={p.fields.some((x) => x.kind === 'file')}
        >
          <p class="govuk-body">{t('recruitment.own.draftNote', { day: dayText(r.closes_on, lang) })}</p>
          <EsfQuestions
            ctx={p.ctx}
            r={r}
            values={p.values ?? valuesOf(a)}
            errors={p.errors}
            keptPesel={p.keptPesel}
            fields={p.fields}
            files={p.files}
          />
          <div class="govuk-button-group">
            <Button name="action" value="send">
              {t('recruitment.own.submit')}
            </Button>
            <Button name="action" value="draft" variant="secondary">
              {t('recruitment.own.saveDraft')}
            </Button>
          </div>
        </PostForm>
      ) : a.state === 'draft' ? (
        <p class="govuk-body">{t('recruitment.own.closedNote')}</p>
      ) : (
        ''
      )}
      {mayWithdraw(a.state) && !(a.state === 'draft' && !editable) ? (
        <PostForm ctx={p.ctx} action={`/recruitments/applications/${p.token}/withdraw`}>
          <p class="govuk-body">
            {t(a.state === 'accepted' ? 'recruitment.own.withdrawPlaceHint' : 'recruitment.own.withdrawHint')}
          </p>
          <Button variant="warning">{t('recruitment.own.withdraw')}</Button>
        </PostForm>
      ) : (
        ''
      )}
    </FormPage>
  )
}

/**
 * The application form's questions, as the applicant and the staff typing in a paper form see them:
 * the target group, the ESF participant data of the recruitment's version, the social situation with
 * refusal offered, the information clause and the declarations.
 */
export function EsfQuestions(p: {
  ctx: ViewContext
  r: Recruitment
  /** The project staff's own questions, after the standard ones. */
  fields: OwnField[]
  values?: FormValues
  errors?: FieldErrors
  /** The PESEL kept, shown masked (the field itself stays empty). */
  keptPesel: string | null
  /** Files kept for a question asking for one; none: the form takes no file (a paper form typed in). */
  files?: AnswerFile[]
}) {
  const { t, lang } = p.ctx
  const tk = t as unknown as (key: string, o?: object) => string
  const r = p.r
  const f = formFields(p.ctx, p.values, p.errors)
  const fields = esfFields(r.esf_version as EsfVersion)
  const field = (x: EsfField) => {
    const label = tk(`recruitment.esf.${x.name}`)
    const hint =
      x.name === 'pesel' && p.keptPesel
        ? `${tk(hints.pesel as string)} ${
            peselProblem(p.keptPesel)
              ? t('recruitment.esf.peselPartial')
              : t('recruitment.esf.peselKept', { masked: maskPesel(p.keptPesel) })
          }`
        : hints[x.name]
          ? tk(hints[x.name] as string)
          : undefined
    if (x.kind === 'date') return f.date(x.name, { label, hint })
    if (x.kind === 'declaration')
      return f.checkboxes(x.name, {
        label: x.section === 'declarations' ? tk(`recruitment.esf.sections.declarations`) : label,
        options: [{ value: 'yes', label }],
      })
    if (x.name === 'voivodeship')
      return f.select(x.name, {
        label,
        options: [
          { value: '', label: '' },
          ...voivodeshipChoices().map((v) => ({ value: v.code, label: v.name })),
        ],
      })
    if (x.kind === 'choice')
      return f.radios(x.name, {
        label,
        hint,
        options: (x.options ?? []).map((v) => ({ value: v, label: tk(optionKey(x, v)) })),
      })
    return f.text(x.name, {
      label,
      hint,
      maxlength: x.max,
      autocomplete:
        x.name === 'givenName'
          ? 'given-name'
          : x.name === 'familyName'
            ? 'family-name'
            : x.name === 'postcode'
              ? 'postal-code'
              : x.name === 'phone'
                ? 'tel'
                : undefined,
      type: x.name === 'phone' ? 'tel' : undefined,
      spellcheck: x.name === 'pesel' ? false : undefined,
      width: ['pesel', 'postcode', 'building', 'flat'].includes(x.name) ? 'govuk-input--width-10' : undefined,
    })
  }
  const section = (s: EsfField['section']) => fields.filter((x) => x.section === s).map(field)
  return (
    <>
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.group')}</h2>
      {f.radios('groupId', {
        label: t('recruitment.esf.groupId'),
        options: r.groups.map((g) => ({ value: g.id, label: g.name })),
      })}
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.person')}</h2>
      {section('person')}
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.address')}</h2>
      {section('address')}
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.status')}</h2>
      {section('status')}
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.situation')}</h2>
      <p class="govuk-body">{t('recruitment.esf.sections.situationHint')}</p>
      {section('situation')}
      {p.fields.length ? (
        <>
          <h2 class="govuk-heading-m">{t('recruitment.fields.section')}</h2>
          {p.fields.map((x) => {
            const name = ownFieldName(x)
            const label = x.required ? x.label : `${x.label} ${t('recruitment.fields.optional')}`
            if (x.kind === 'date') return f.date(name, { label })
            if (x.kind === 'declaration')
              return f.checkboxes(name, { label: x.label, options: [{ value: 'yes', label: x.label }] })
            if (x.kind === 'choice')
              return f.radios(name, { label, options: x.options.map((o) => ({ value: o, label: o })) })
            if (x.kind === 'number') return f.text(name, { label, width: 'govuk-input--width-10' })
            if (x.kind === 'file') {
              // Typed in from paper, the file stays with the paper form.
              if (!p.files) return ''
              const kept = p.files.find((k) => k.field_id === x.id)
              return f.file(name, {
                label,
                hint: kept
                  ? `${t('recruitment.fields.fileHint')} ${t('recruitment.fields.fileKept', { name: kept.original_name, size: fileSize(kept.size_bytes, lang) })}`
                  : t('recruitment.fields.fileHint'),
              })
            }
            return f.textarea(name, { label, rows: 3 })
          })}
        </>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t('recruitment.esf.clauseHeading')}</h2>
      <p class="govuk-body">
        {t('recruitment.esf.clause', {
          project: r.project_acronym || r.project_title,
          until: dayText(r.retention_until, lang),
        })}
      </p>
      <h2 class="govuk-heading-m">{t('recruitment.esf.sections.declarations')}</h2>
      {fields
        .filter((x) => x.section === 'declarations')
        .map((x) =>
          f.checkboxes(x.name, {
            label: tk(`recruitment.esf.${x.name}`),
            options: [{ value: 'yes', label: tk(`recruitment.esf.${x.name}`) }],
          }),
        )}
    </>
  )
}

/** A link that was replaced or whose draft was removed. */
export function GonePage(p: { ctx: ViewContext }) {
  const { t } = p.ctx
  return (
    <FormPage ctx={p.ctx} title={t('recruitment.own.gone')} section="recruitments">
      <p class="govuk-body">{t('recruitment.own.goneText')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/recruitments">
          {t('recruitment.title')}
        </a>
      </p>
    </FormPage>
  )
}
