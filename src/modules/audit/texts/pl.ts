// The audit module's Polish texts: the reference every other language follows.
export const pl = {
  audit: {
    title: 'Dziennik zdarzeń',
    filters: 'Filtry dziennika',
    person: 'E-mail osoby',
    action: 'Zdarzenie',
    anyAction: 'Wszystkie',
    from: 'Od dnia',
    to: 'Do dnia',
    none: 'Brak zdarzeń spełniających kryteria.',
    when: 'Kiedy',
    who: 'Kto',
    subject: 'Czego dotyczy',
    address: 'Adres IP',
  },
} as const
