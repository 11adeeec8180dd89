// What every change of the minutes goes through: a refused rule as a message, the row locked and
// still open for changes, and how an agenda item and the minutes are named in what is sent.

import { RuleError } from '../../../kernel/errors.ts'
import { translator } from '../../../kernel/i18n.ts'
import type { Space } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import { meetingName } from '../views/meeting-name.ts'
import * as q from './queries.ts'
import { editable, type Problem } from './rules.ts'

export type Minutes = q.MinutesRow

export const check = (p: Problem) => {
  if (p) throw new RuleError(p.key, p.field)
}

export const refuseLocked = (m: Minutes) =>
  check(editable(m.status) ? null : { key: 'minutes.errors.locked', field: '_form' })

/**
 * Inside a transaction: the minutes' row locked, so saves, decisions, comments and the approval go one
 * at a time, and checked to be still open for changes (an approval may have come in between).
 */
export async function lockEditable(trx: Db, minutesId: string) {
  const now = await q.lockMinutes(trx, minutesId)
  if (!editable(now.status)) throw new RuleError('minutes.errors.locked')
  return now
}

export const itemOf = (meeting: Meeting, agendaItemId: string) => {
  if (!meeting.agenda.some((a) => a.id === agendaItemId))
    throw new RuleError('minutes.errors.agendaItem', 'agendaItemId')
}

export function namedIn(space: Pick<Space, 'name_pl' | 'name_en'>, meeting: Meeting) {
  return {
    meeting_pl: meetingName(translator('pl'), meeting),
    meeting_en: meetingName(translator('en'), meeting),
    space_pl: space.name_pl,
    space_en: space.name_en,
  }
}

export const memberLink = (meeting: Meeting) => `/spaces/${meeting.space_id}/meetings/${meeting.id}/minutes`
