import type { Translation } from '../../../kernel/i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  mail: {
    notification: {
      subject: '{{text}}',
      body: 'Hello {{name}},\n\n{{text}}\n\nSee the details in Siatka (you can turn notification emails off in your notification settings):',
    },
    digest: {
      subject: 'Siatka: summary of notifications ({{count}})',
      body: 'Hello {{name}},\n\nNotifications since the last summary:\n\n{{list}}\n\nAll notifications and their settings:',
    },
  },
  notifications: {
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
    },
  },
}
