// The notifications module's Polish texts: the reference every other language follows.
export const pl = {
  mail: {
    notification: {
      subject: '{{subject}}',
      body: 'Dzień dobry, {{name}}.\n\n{{text}}\n\nSzczegóły znajdziesz w Siatce (powiadomienia e-mail można wyłączyć w ustawieniach powiadomień):',
    },
    digest: {
      subject: 'Siatka: podsumowanie powiadomień ({{count}})',
      body: 'Dzień dobry, {{name}}.\n\nPowiadomienia od ostatniego podsumowania:\n\n{{list}}\n\nWszystkie powiadomienia i ich ustawienia:',
    },
  },
  notifications: {
    note: 'Uwagi: „{{note}}”',
    start: {
      heading: 'Powiadomienia',
      unread: 'Nieprzeczytane powiadomienia: {{n}}',
    },
    title: 'Powiadomienia',
    none: 'Nie masz jeszcze powiadomień.',
    unread: 'nowe',
    markAllRead: 'Oznacz wszystkie jako przeczytane',
    allRead: 'Wszystkie powiadomienia oznaczono jako przeczytane.',
    settingsLink: 'Ustawienia powiadomień e-mail',
    settings: {
      title: 'Powiadomienia e-mail',
      intro: 'Każde powiadomienie widzisz w Siatce. Wybierz, czy i jak mamy je wysyłać także e-mailem.',
      delivery: 'Jak wysyłać powiadomienia e-mailem',
      options: {
        immediate: 'Od razu – osobny e-mail przy każdym powiadomieniu',
        daily: 'Raz dziennie – jedno podsumowanie o 7:00',
        none: 'Nie wysyłaj e-maili – powiadomienia tylko w Siatce',
      },
      saved: 'Zapisano ustawienia powiadomień.',
      mail: 'Które powiadomienia wysyłać e-mailem',
      mailHint: 'Odznaczone zobaczysz tylko w Siatce.',
    },
    unsubscribe: {
      title: 'Rezygnacja z e-maili',
      question:
        'Czy chcesz przestać dostawać e-maile z powiadomieniami „{{kind}}”? Nadal zobaczysz je w Siatce.',
      questionDigest:
        'Czy chcesz przestać dostawać codzienne podsumowanie powiadomień? Nadal zobaczysz je w Siatce.',
      button: 'Nie wysyłaj mi tych e-maili',
      done: 'Nie będziesz już dostawać e-maili z powiadomieniami „{{kind}}”. Nadal zobaczysz je w Siatce.',
      doneDigest:
        'Nie będziesz już dostawać codziennego podsumowania powiadomień. Nadal zobaczysz je w Siatce.',
      settings: 'Możesz to zmienić w ustawieniach powiadomień e-mail',
      questionStop: 'Czy chcesz przestać obserwować: {{what}}? Nie dostaniesz już o tym powiadomień.',
      buttonStop: 'Przestań obserwować',
      doneStop: 'Nie obserwujesz już: {{what}}.',
      goneStop: 'Tego już nie obserwujesz.',
    },
    stopFollowing: 'Przestań obserwować jednym kliknięciem',
  },
} as const
