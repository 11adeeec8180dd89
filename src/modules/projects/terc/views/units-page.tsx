import type { ViewContext } from '../../../../kernel/views/context.ts'
import { formFields } from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { subregions, voivodeshipName, voivodeships } from '../../regions.ts'
import type { unitsOf } from '../service.ts'

/**
 * Where to look up a place's code: a voivodeship's subregions (NUTS 3, shipped with Siatka) and its
 * powiats and gminas with their TERYT codes, as the register was last imported. The schedule's form
 * takes a code or a name from here.
 */
export function UnitsPage(p: {
  ctx: ViewContext
  voivodeship: string | null
  units: Awaited<ReturnType<typeof unitsOf>>
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, { voivodeship: p.voivodeship ?? '' })
  const v = p.voivodeship
  return (
    <Layout ctx={p.ctx} title={t('projects.units.title')} section="projects">
      <h1 class="govuk-heading-l">{t('projects.units.title')}</h1>
      <p class="govuk-body">{t('projects.units.intro')}</p>
      <FilterForm
        action="/projects/regions/units"
        label={t('projects.units.choose')}
        submit={t('projects.units.show')}
      >
        {f.select('voivodeship', {
          label: t('projects.units.voivodeship'),
          options: [
            { value: '', label: t('projects.units.pick') },
            ...voivodeships.map((w) => ({ value: w.teryt, label: w.name })),
          ],
        })}
      </FilterForm>
      {v ? (
        <>
          <h2 class="govuk-heading-m">
            {t('projects.units.subregions', { voivodeship: voivodeshipName(v) })}
          </h2>
          <ul class="govuk-list">
            {subregions
              .filter((s) => s.voivodeship === v)
              .map((s) => (
                <li safe>{`${s.nuts3} ${s.name}`}</li>
              ))}
          </ul>
          <h2 class="govuk-heading-m">{t('projects.units.register', { voivodeship: voivodeshipName(v) })}</h2>
          {p.units.length ? (
            <Table
              caption={t('projects.units.register', { voivodeship: voivodeshipName(v) })}
              headers={[t('projects.units.code'), t('projects.units.name'), t('projects.units.kind')]}
            >
              {p.units.map((u) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell" safe>
                    {u.code}
                  </td>
                  <td class={`govuk-table__cell${u.gmina ? ' siatka-indent-1' : ''}`} safe>
                    {u.name}
                  </td>
                  <td class="govuk-table__cell" safe>
                    {u.kind_name}
                  </td>
                </tr>
              ))}
            </Table>
          ) : (
            <p class="govuk-body">{t('projects.units.empty')}</p>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
