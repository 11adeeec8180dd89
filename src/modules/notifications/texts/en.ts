import type { Translation } from '../../../kernel/i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  mail: {
    notification: {
      subject: '{{subject}}',
      body: 'Hello {{name}},\n\n{{text}}\n\nSee the details in Siatka (you can turn notification emails off in your notification settings):',
    },
    digest: {
      subject: 'Siatka: summary of notifications ({{count}})',
      body: 'Hello {{name}},\n\nNotifications since the last summary:\n\n{{list}}\n\nAll notifications and their settings:',
    },
  },
  notifications: {
    note: 'Comments: “{{note}}”',
    start: {
      heading: 'Notifications',
      unread: 'Unread notifications: {{n}}',
    },
    title: 'Notifications',
    none: 'You have no notifications yet.',
    unread: 'new',
    markAllRead: 'Mark all as read',
    allRead: 'All notifications are marked as read.',
    settingsLink: 'Email notification settings',
    settings: {
      title: 'Email notifications',
      intro: 'You see every notification in Siatka. Choose whether and how we also send them by email.',
      delivery: 'How to send notifications by email',
      options: {
        immediate: 'At once – one email for each notification',
        daily: 'Once a day – one summary at 7:00',
        none: 'No emails – notifications in Siatka only',
      },
      saved: 'Notification settings saved.',
      mail: 'Which notifications to send by email',
      mailHint: 'Those left unticked you will see in Siatka only.',
    },
    unsubscribe: {
      title: 'Stop emails',
      question:
        'Do you want to stop receiving emails about “{{kind}}”? You will still see these notifications in Siatka.',
      questionDigest:
        'Do you want to stop receiving the daily summary of notifications? You will still see them in Siatka.',
      button: 'Stop sending me these emails',
      done: 'You will no longer receive emails about “{{kind}}”. You will still see these notifications in Siatka.',
      doneDigest:
        'You will no longer receive the daily summary of notifications. You will still see them in Siatka.',
      settings: 'You can change this in your email notification settings',
      questionStop: 'Do you want to stop following {{what}}? You will not be notified of it any more.',
      buttonStop: 'Stop following',
      doneStop: 'You no longer follow {{what}}.',
      goneStop: 'You no longer follow this.',
    },
    stopFollowing: 'Stop following in one click',
  },
}
