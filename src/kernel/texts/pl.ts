// The kernel's Polish texts: the reference every other language follows.
export const pl = {
  layout: {
    description:
      'Siatka: platforma sekretariatu krajowych sieci tematycznych, wspólnot praktyków i projektów partnerskich Europejskiego Funduszu Społecznego.',
    warning: 'Uwaga',
    skipLink: 'Przejdź do treści',
    signIn: 'Zaloguj się',
    signOut: 'Wyloguj się',
    nav: {
      label: 'Menu główne',
      home: 'Strona główna',
      people: 'Osoby',
      organisations: 'Organizacje',
      audit: 'Dziennik zdarzeń',
      spaces: 'Sieci i ciała',
      directory: 'Katalog członków',
      authority: 'Do decyzji',
      calendar: 'Kalendarz',
      decisions: 'Uchwały',
      actions: 'Zadania',
      translations: 'Tłumaczenia',
      analyses: 'Ekspertyzy',
      myAnalyses: 'Moje ekspertyzy',
    },
    notifications: 'Powiadomienia',
    unread: 'nieprzeczytane: {{count}}',
    a11y: {
      textSize: 'Czcionki:',
      textNormal: 'Zwykła',
      textLarge: 'Większa',
      contrast: 'Kontrast:',
      contrastNormal: 'Zwykły',
      contrastHigh: 'Wysoki',
      language: 'Język:',
    },
    cookies: {
      label: 'Pliki cookie w Siatce',
      text: 'Siatka używa wyłącznie niezbędnych plików cookie: do logowania, ochrony formularzy i zapamiętania Twoich ustawień (język, czcionka, kontrast). Nie śledzimy Cię i nie używamy cookie reklamowych ani analitycznych.',
      hide: 'Rozumiem, ukryj',
      more: 'Jakie pliki cookie ustawiamy',
    },
    footer: {
      heading: 'Informacje o serwisie',
      cookies: 'Pliki cookie',
      accessibility: 'Deklaracja dostępności',
      about:
        'Siatka – platforma sekretariatów sieci tematycznych, wspólnot praktyków i projektów partnerskich.',
    },
  },
  forms: {
    errorSummary: 'Popraw błędy w formularzu',
    errorPrefix: 'Błąd',
    save: 'Zapisz',
    search: 'Szukaj',
    filter: 'Filtruj',
  },
  pagination: {
    label: 'Stronicowanie',
    previous: 'Poprzednia strona',
    next: 'Następna strona',
    page: 'Strona {{number}}',
  },
  errors: {
    required: 'To pole jest wymagane',
    tooLong: 'Wpisz najwyżej {{max}} znaków',
    email: 'Wpisz adres e-mail w poprawnym formacie, np. jan.kowalski@example.pl',
    choose: 'Wybierz jedną z możliwości',
    date: 'Wpisz datę w postaci RRRR-MM-DD, np. 2026-05-10',
    pages: {
      home: 'Przejdź na stronę główną',
      badRequest: {
        title: 'Nie udało się przetworzyć żądania',
        text: 'Przesłane dane mają nieprawidłową postać. Wróć do poprzedniej strony i spróbuj ponownie.',
      },
      forbidden: {
        title: 'Brak dostępu',
        text: 'Nie masz uprawnień do tej strony. Jeśli uważasz, że to błąd, skontaktuj się z sekretariatem.',
      },
      notFound: {
        title: 'Nie znaleziono strony',
        text: 'Sprawdź, czy adres jest poprawny. Strona mogła zostać przeniesiona lub usunięta.',
      },
      rule: {
        title: 'Nie można wykonać tej operacji',
        text: 'Operacja narusza zasady obowiązujące w serwisie. Wróć do poprzedniej strony.',
      },
      tooMany: {
        title: 'Zbyt wiele prób',
        text: 'Ze względów bezpieczeństwa chwilowo wstrzymaliśmy kolejne próby. Spróbuj ponownie za kilkanaście minut.',
      },
      server: {
        title: 'Przepraszamy, wystąpił błąd serwisu',
        text: 'Coś poszło nie tak po naszej stronie. Twoje dane nie zostały utracone. Spróbuj ponownie za chwilę.',
      },
      csrf: {
        title: 'Formularz wygasł',
        text: 'Ze względów bezpieczeństwa formularz był ważny tylko przez pewien czas albo został wysłany z innego miejsca. Wróć do poprzedniej strony, odśwież ją i wyślij formularz ponownie.',
      },
    },
  },
  storage: {
    fileMissing: 'Wybierz plik',
    oneFile: 'Wybierz jeden plik',
    tooLarge: 'Plik jest za duży. Wybierz plik mniejszy niż 25 MB',
    typeNotAllowed:
      'Ten rodzaj pliku nie jest przyjmowany. Wybierz PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, PNG, JPG lub WEBP',
    typeMismatch: 'Zawartość pliku nie zgadza się z jego rozszerzeniem. Sprawdź, czy to właściwy plik',
  },
  roles: {
    admin: 'Administrator',
    coordinator: 'Koordynator sekretariatu',
    secretary: 'Sekretarz sieci',
    managing_authority: 'Instytucja Zarządzająca',
    member: 'Członek',
    expert: 'Ekspert',
    project_staff: 'Personel projektu',
    community_member: 'Członek społeczności',
  },
  mail: {
    footer: 'Wiadomość wysłana automatycznie przez Siatkę. Nie odpowiadaj na nią.',
  },
} as const
