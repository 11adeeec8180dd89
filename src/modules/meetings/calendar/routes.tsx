// The calendar across spaces and the private iCalendar feeds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Config } from '../../../config.ts'
import { addMonths, monthOf, today, warsawInstant } from '../../../kernel/dates.ts'
import { optionalId, typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { MonthQuery } from '../../spaces/index.ts'
import * as spaces from '../../spaces/service.ts'
import * as calendar from './service.ts'
import { CalendarListPage, CalendarMonthPage, FeedsPage } from './views/calendar-page.tsx'

const CalendarView = z.object({ view: z.enum(['list', 'month']).catch('list').default('list') })
const FeedForm = z.object({ spaceId: optionalId() })
const FeedParams = z.object({ feedId: z.uuid() })
// A feed token is 43 base64url characters (32 random bytes).
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) })

export async function calendarRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/calendar', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const scope = calendar.scopeOf(req.actor!)
    const ctx = viewContext(req, reply)
    if (CalendarView.parse(req.query).view === 'month') {
      const month = MonthQuery.parse(req.query).month ?? monthOf(today())
      const from = warsawInstant(`${month}-01`, '00:00')
      const to = warsawInstant(`${addMonths(month, 1)}-01`, '00:00')
      const rows = await calendar.listMeetingsBetween(req.db, scope, from, to)
      return render(reply, <CalendarMonthPage ctx={ctx} month={month} rows={rows} />)
    }
    const page = pageFrom(req.query)
    const from = warsawInstant(today(), '00:00')
    const { rows, hasNext } = pageOf(await calendar.listUpcoming(req.db, scope, from, page), page)
    return render(reply, <CalendarListPage ctx={ctx} rows={rows} page={page} hasNext={hasNext} />)
  })

  const feedsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors?: FieldErrors,
    created?: string,
  ) => {
    const actor = req.actor!
    const [feeds, readable] = await Promise.all([
      calendar.listFeeds(req.db, actor.id),
      spaces.listSpacesFor(req.db, actor, { sort: 'name', dir: 'asc' }, { number: 1, size: 500, offset: 0 }),
    ])
    return render(
      reply.code(errors ? 422 : created ? 201 : 200),
      <FeedsPage
        ctx={viewContext(req, reply)}
        feeds={feeds}
        spaces={readable}
        created={created}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get('/calendar/feeds', { config: { permission: 'signedIn' } }, async (req, reply) =>
    feedsPage(req, reply),
  )

  // The new address is shown on the page that answers the form, once: only its hash is kept.
  app.post('/calendar/feeds', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const form = FeedForm.safeParse(req.body)
    if (!form.success) return feedsPage(req, reply, { spaceId: req.t('errors.choose') })
    const token = await calendar.createFeed(req.db, req.actor!, form.data.spaceId)
    return feedsPage(req, reply, undefined, `${config.baseUrl}/feeds/${token}/calendar.ics`)
  })

  app.post('/calendar/feeds/:feedId/revoke', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const { feedId } = FeedParams.parse(req.params)
    return submitForm(req, reply, z.object({}), {
      act: () => calendar.revokeFeed(req.db, req.actor!, feedId),
      again: (errors) => feedsPage(req, reply, errors),
      flash: req.t('meetings.calendar.revoked'),
      to: '/calendar/feeds',
    })
  })

  // Calendar programs cannot sign in: the token in the address is the key, checked at every fetch
  // (and, being a secret in the address, the kernel sends it with Cache-Control: no-store).
  app.get('/feeds/:token/calendar.ics', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const ics = await calendar.feedCalendar(req.db, token, config.baseUrl)
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('x-robots-tag', 'noindex')
      .send(ics)
  })
}
