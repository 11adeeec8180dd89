import type { Translation } from '../../../../kernel/i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  actions: {
    title: 'My action items',
    filterLabel: 'Which action items',
    filters: { open: 'Open', closed: 'Closed' },
    none: { open: 'You have no open action items.', closed: 'You have no closed action items.' },
    due: 'Due: {{date}}.',
    late: 'Overdue',
    from: 'From the minutes of: {{meeting}} ({{space}})',
    status: 'Status of “{{title}}”',
    note: 'What was done (optional)',
    save: 'Save the status',
    saved: 'The status is saved.',
  },
}
