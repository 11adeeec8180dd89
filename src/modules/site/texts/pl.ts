// The site module's Polish texts: the reference every other language follows.
export const pl = {
  site: {
    start: {
      title: 'Pulpit',
      nothing:
        'Nic na Ciebie teraz nie czeka: nie masz posiedzeń do potwierdzenia, protokołów do uwag ani otwartych zadań.',
      urgent: 'Pilne',
    },
    home: {
      title: 'Siatka',
      lead: 'Platforma sekretariatu krajowych sieci tematycznych, wspólnot praktyków i projektów partnerskich finansowanych z Europejskiego Funduszu Społecznego.',
      welcome: 'Witaj, {{name}}.',
      networks: {
        title: 'Sieci i ciała',
        text: 'Skład sieci tematycznych, posiedzenia, materiały, protokoły i uchwały – w jednym miejscu.',
      },
      projects: {
        title: 'Projekty i rezultaty',
        text: 'Projekty partnerskie, ich wskaźniki oraz rezultaty zwalidowane i upowszechniane w praktyce.',
      },
      community: {
        title: 'Społeczność',
        text: 'Forum, wyszukiwarka partnerów do współpracy ponadnarodowej, wydarzenia i biuletyn.',
      },
    },
    cookies: {
      title: 'Pliki cookie',
      intro:
        'Siatka zapisuje w Twojej przeglądarce tylko pliki cookie niezbędne do działania serwisu. Nie wymagają one zgody, ale masz prawo wiedzieć, czym są.',
      noTracking: 'Nie używamy plików cookie analitycznych, reklamowych ani pochodzących od innych firm.',
      tableCaption: 'Pliki cookie ustawiane przez Siatkę',
      name: 'Nazwa',
      purpose: 'Do czego służy',
      lifetime: 'Jak długo',
      purposes: {
        session: 'Utrzymuje zalogowanie. Ustawiany po zalogowaniu.',
        csrf: 'Chroni formularze przed wysłaniem z innej strony (ochrona CSRF).',
        lang: 'Zapamiętuje wybrany język serwisu.',
        prefs: 'Zapamiętuje wybraną wielkość czcionki i kontrast.',
        notice: 'Zapamiętuje, że ukryto informację o plikach cookie.',
        flash: 'Przenosi jednorazowy komunikat (np. „Zapisano”) na następną stronę.',
      },
      lifetimes: {
        days14: '14 dni lub do wylogowania',
        browser: 'Do zamknięcia przeglądarki',
        year: '1 rok',
        minute: '1 minuta',
      },
    },
    accessibility: {
      title: 'Deklaracja dostępności',
      intro:
        'Dokładamy starań, aby Siatka była dostępna zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.',
      statusTitle: 'Stan dostępności',
      status:
        'Serwis jest zgodny z WCAG 2.1 na poziomie AA; każdą stronę sprawdzamy automatycznie pod kątem WCAG 2.2 AA w obu językach i w trybie wysokiego kontrastu.',
      featuresTitle: 'Ułatwienia',
      features: {
        keyboard:
          'Całą stronę obsłużysz klawiaturą; link „Przejdź do treści” jest pierwszym elementem strony.',
        text: 'Przycisk „Czcionki: Większa” powiększa tekst na wszystkich stronach.',
        contrast: 'Przycisk „Kontrast: Wysoki” włącza tryb wysokiego kontrastu.',
        noJs: 'Wszystkie funkcje działają bez JavaScriptu.',
      },
      contactTitle: 'Informacje zwrotne i kontakt',
      contact:
        'Jeśli napotkasz problem z dostępnością, napisz do sekretariatu. Odpowiemy najpóźniej w ciągu 7 dni.',
    },
  },
} as const
