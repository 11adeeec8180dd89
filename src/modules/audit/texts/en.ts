import type { Translation } from '../../../kernel/i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  audit: {
    title: 'Audit log',
    filters: 'Audit log filters',
    person: 'Person’s email',
    action: 'Action',
    anyAction: 'All',
    from: 'From',
    to: 'To',
    none: 'No entries match these filters.',
    when: 'When',
    who: 'Who',
    subject: 'Subject',
    address: 'IP address',
  },
}
