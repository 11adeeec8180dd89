import type { T } from '../../../../kernel/i18n.ts'
import type { VisitHost } from '../rules.ts'

/** Where a visit goes, in one line: "Spółdzielnia Socjalna „Razem” (Opole, opolskie)". */
export function hostLine(m: VisitHost): string {
  const where = [m.host_town, m.host_region].filter(Boolean).join(', ')
  return where ? `${m.host_name} (${where})` : m.host_name
}

/** The host as a notice's text puts it: "Gospodarz wizyty: …" (plain text, not HTML). */
export function hostText(m: VisitHost, t: T): string {
  return m.host_name ? `${t('visits.host.title')}: ${hostLine(m)}` : ''
}
