// govuk-frontend's form markup: a label, an optional hint, the message next to the field and
// the typed value kept. Every field's id is `field-<name>` so the error summary can link to it;
// where a page holds several forms with the same fields (a form per action item, per comment),
// each form names itself and its ids are `field-<form>-<name>`, unique on the page.
import type { Children } from '@kitajs/html'
import type { ViewContext } from './context.ts'

export type FieldErrors = Record<string, string>
export type FormValues = Record<string, unknown>

interface FieldBase {
  name: string
  /** The form's own name on a page with several forms asking the same: it keeps the ids unique. */
  form?: string
  label: string
  hint?: string
  error?: string
  /** Visually large label, for a page whose only question is this field. */
  pageHeading?: boolean
}

const fieldId = (p: { name: string; form?: string }) => `field-${p.form ? `${p.form}-` : ''}${p.name}`

export function fieldValue(values: FormValues | undefined, name: string): string {
  const v = values?.[name]
  return typeof v === 'string' ? v : v == null ? '' : String(v)
}

function describedBy(p: FieldBase): string | undefined {
  const ids = [p.hint ? `${fieldId(p)}-hint` : '', p.error ? `${fieldId(p)}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function HintAndError({ p, errorPrefix }: { p: FieldBase; errorPrefix: string }) {
  return (
    <>
      {p.hint ? (
        <div id={`${fieldId(p)}-hint`} class="govuk-hint" safe>
          {p.hint}
        </div>
      ) : (
        ''
      )}
      {p.error ? (
        <p id={`${fieldId(p)}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden" safe>
            {errorPrefix}:
          </span>{' '}
          <span safe>{p.error}</span>
        </p>
      ) : (
        ''
      )}
    </>
  )
}

function Group({ p, children }: { p: FieldBase; children: Children }) {
  return <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>{children}</div>
}

function Label({ p }: { p: FieldBase }) {
  return (
    <label class={`govuk-label${p.pageHeading ? ' govuk-label--l' : ''}`} for={fieldId(p)} safe>
      {p.label}
    </label>
  )
}

export function TextField(
  p: FieldBase & {
    value?: string
    type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'search' | 'date'
    autocomplete?: string
    width?:
      | 'govuk-input--width-10'
      | 'govuk-input--width-20'
      | 'govuk-input--width-30'
      | 'govuk-input--width-5'
    spellcheck?: boolean
    errorPrefix: string
    maxlength?: number
  },
) {
  const isPassword = p.type === 'password'
  return (
    <Group p={p}>
      <Label p={p} />
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <input
        class={['govuk-input', p.width ?? '', p.error ? 'govuk-input--error' : ''].filter(Boolean).join(' ')}
        id={fieldId(p)}
        name={p.name}
        type={p.type ?? 'text'}
        value={isPassword ? undefined : (p.value ?? '')}
        autocomplete={p.autocomplete}
        spellcheck={p.spellcheck === undefined ? undefined : String(p.spellcheck)}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
        maxlength={p.maxlength}
      />
    </Group>
  )
}

export function TextareaField(p: FieldBase & { value?: string; rows?: number; errorPrefix: string }) {
  return (
    <Group p={p}>
      <Label p={p} />
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <textarea
        class={`govuk-textarea${p.error ? ' govuk-textarea--error' : ''}`}
        id={fieldId(p)}
        name={p.name}
        rows={String(p.rows ?? 5)}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
        safe
      >
        {p.value ?? ''}
      </textarea>
    </Group>
  )
}

export interface Option {
  value: string
  label: string
  /** Options of one group are shown together under its name (an optgroup), in the order given. */
  group?: string
}

function Options(p: { options: Option[]; value: string | undefined }) {
  return (
    <>
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value} safe>
          {o.label}
        </option>
      ))}
    </>
  )
}

/** Options in runs of one group each (none for those without a group). */
function optionRuns(options: Option[]) {
  const runs: { group: string | undefined; options: Option[] }[] = []
  for (const o of options) {
    const last = runs.at(-1)
    if (last && last.group === o.group) last.options.push(o)
    else runs.push({ group: o.group, options: [o] })
  }
  return runs
}

export function SelectField(p: FieldBase & { value?: string; options: Option[]; errorPrefix: string }) {
  return (
    <Group p={p}>
      <Label p={p} />
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <select
        class={`govuk-select${p.error ? ' govuk-select--error' : ''}`}
        id={fieldId(p)}
        name={p.name}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {optionRuns(p.options).map((run) =>
          run.group === undefined ? (
            <Options options={run.options} value={p.value} />
          ) : (
            <optgroup label={run.group}>
              <Options options={run.options} value={p.value} />
            </optgroup>
          ),
        )}
      </select>
    </Group>
  )
}

function Fieldset({ p, children }: { p: FieldBase; children: Children }) {
  return (
    <Group p={p}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(p)}>
        <legend
          class={`govuk-fieldset__legend ${p.pageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--s'}`}
        >
          <span safe>{p.label}</span>
        </legend>
        {children}
      </fieldset>
    </Group>
  )
}

export function RadiosField(
  p: FieldBase & { value?: string; options: Option[]; errorPrefix: string; inline?: boolean },
) {
  return (
    <Fieldset p={p}>
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <div class={`govuk-radios${p.inline ? ' govuk-radios--inline' : ''}`}>
        {p.options.map((o, i) => {
          const id = i === 0 ? fieldId(p) : `${fieldId(p)}-${i}`
          return (
            <div class="govuk-radios__item">
              <input
                class="govuk-radios__input"
                id={id}
                name={p.name}
                type="radio"
                value={o.value}
                checked={o.value === p.value}
              />
              <label class="govuk-label govuk-radios__label" for={id} safe>
                {o.label}
              </label>
            </div>
          )
        })}
      </div>
    </Fieldset>
  )
}

export function CheckboxesField(
  p: FieldBase & { values?: string[]; options: Option[]; errorPrefix: string },
) {
  return (
    <Fieldset p={p}>
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        {p.options.map((o, i) => {
          const id = i === 0 ? fieldId(p) : `${fieldId(p)}-${i}`
          return (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={id}
                name={p.name}
                type="checkbox"
                value={o.value}
                checked={p.values?.includes(o.value) ?? false}
              />
              <label class="govuk-label govuk-checkboxes__label" for={id} safe>
                {o.label}
              </label>
            </div>
          )
        })}
      </div>
    </Fieldset>
  )
}

/** A date as a native date input ("2026-05-10"): keyboard and screen-reader friendly in every browser. */
export function DateField(p: FieldBase & { value?: string; errorPrefix: string }) {
  return (
    <Group p={p}>
      <Label p={p} />
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <input
        class={`govuk-input govuk-input--width-10${p.error ? ' govuk-input--error' : ''}`}
        id={fieldId(p)}
        name={p.name}
        type="date"
        value={p.value ?? ''}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </Group>
  )
}

export function FileField(p: FieldBase & { accept?: string; errorPrefix: string }) {
  return (
    <Group p={p}>
      <Label p={p} />
      <HintAndError p={p} errorPrefix={p.errorPrefix} />
      <input
        class={`govuk-file-upload${p.error ? ' govuk-file-upload--error' : ''}`}
        id={fieldId(p)}
        name={p.name}
        type="file"
        accept={p.accept}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </Group>
  )
}

/** At the top of a form that failed: the count of problems and a link to each field. */
export function ErrorSummary({
  ctx,
  errors,
  form,
}: {
  ctx: ViewContext
  errors?: FieldErrors
  form?: string
}) {
  const entries = Object.entries(errors ?? {})
  if (entries.length === 0) return ''
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{ctx.t('forms.errorSummary')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {entries.map(([name, message]) => (
              <li>
                <a href={name === '_form' ? '#main' : `#${fieldId({ name, form })}`} safe>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

/** A form with its CSRF token; every state-changing form in Siatka is one of these. */
export function PostForm(p: {
  ctx: ViewContext
  action: string
  children: Children
  novalidate?: boolean
  /** A form with a file field (its route declares `config.upload`). */
  upload?: boolean
}) {
  return (
    <form
      method="post"
      action={p.action}
      novalidate={p.novalidate ?? true}
      enctype={p.upload ? 'multipart/form-data' : undefined}
    >
      <input type="hidden" name="_csrf" value={p.ctx.csrf()} />
      {p.children}
    </form>
  )
}

/**
 * The field people do not see (nor hear: hidden from screen readers, out of the tab order) and only
 * bots fill: a form that finds it filled answers as usual and keeps nothing.
 */
export function BotTrap(p: { id: string; label: string }) {
  return (
    <div class="govuk-visually-hidden" aria-hidden="true">
      <label for={p.id} safe>
        {p.label}
      </label>
      <input id={p.id} name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>
  )
}

export function Button(p: {
  children: Children
  variant?: 'secondary' | 'warning'
  name?: string
  value?: string
}) {
  return (
    <button
      type="submit"
      class={`govuk-button${p.variant ? ` govuk-button--${p.variant}` : ''}`}
      name={p.name}
      value={p.value}
      data-prevent-double-click="true"
    >
      {p.children}
    </button>
  )
}

type Extra<P> = Omit<P, 'name' | 'form' | 'value' | 'error' | 'errorPrefix'>

/**
 * Binds fields to one form's typed values and errors, so a form reads as a list of questions;
 * `form` names the form where the page has others asking the same (see `field-<form>-<name>`).
 */
export function formFields(ctx: ViewContext, values?: FormValues, errors?: FieldErrors, form?: string) {
  const errorPrefix = ctx.t('forms.errorPrefix')
  const bind = (name: string) => ({
    name,
    form,
    value: fieldValue(values, name),
    error: errors?.[name],
    errorPrefix,
  })
  return {
    text: (name: string, p: Extra<Parameters<typeof TextField>[0]>) => <TextField {...bind(name)} {...p} />,
    textarea: (name: string, p: Extra<Parameters<typeof TextareaField>[0]>) => (
      <TextareaField {...bind(name)} {...p} />
    ),
    select: (name: string, p: Extra<Parameters<typeof SelectField>[0]>) => (
      <SelectField {...bind(name)} {...p} />
    ),
    radios: (name: string, p: Extra<Parameters<typeof RadiosField>[0]>) => (
      <RadiosField {...bind(name)} {...p} />
    ),
    date: (name: string, p: Extra<Parameters<typeof DateField>[0]>) => <DateField {...bind(name)} {...p} />,
    checkboxes: (
      name: string,
      p: Omit<Parameters<typeof CheckboxesField>[0], 'name' | 'form' | 'values' | 'error' | 'errorPrefix'>,
    ) => {
      const v = values?.[name]
      const checked = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []
      return (
        <CheckboxesField
          name={name}
          form={form}
          values={checked}
          error={errors?.[name]}
          errorPrefix={errorPrefix}
          {...p}
        />
      )
    },
    file: (
      name: string,
      p: Omit<Parameters<typeof FileField>[0], 'name' | 'form' | 'error' | 'errorPrefix'>,
    ) => <FileField name={name} form={form} error={errors?.[name]} errorPrefix={errorPrefix} {...p} />,
  }
}
