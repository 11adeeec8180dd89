// The actions of meetings: Polish texts, the reference.
export const pl = {
  actions: {
    title: 'Moje zadania',
    filterLabel: 'Które zadania',
    filters: { open: 'Do zrobienia', closed: 'Zakończone' },
    none: { open: 'Nie masz zadań do zrobienia.', closed: 'Nie masz zakończonych zadań.' },
    due: 'Termin: {{date}}.',
    late: 'Po terminie',
    from: 'Z protokołu: {{meeting}} ({{space}})',
    status: 'Stan zadania „{{title}}”',
    note: 'Co zrobiono (nieobowiązkowe)',
    save: 'Zapisz stan',
    saved: 'Zapisano stan zadania.',
  },
} as const
