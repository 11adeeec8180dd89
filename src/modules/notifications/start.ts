import type { StartSection } from '../../kernel/module.ts'
import type { ViewContext } from '../../kernel/views/context.ts'

/** Unread notifications on the start page: the header's count, so no statement of its own. */
export async function notificationsStartSections(ctx: ViewContext): Promise<StartSection[]> {
  return [
    {
      heading: ctx.t('notifications.start.heading'),
      items: ctx.unread
        ? [{ text: ctx.t('notifications.start.unread', { n: ctx.unread }), href: '/notifications' }]
        : [],
    },
  ]
}
