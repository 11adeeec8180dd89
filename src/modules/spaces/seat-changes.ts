// A change of a person's seat in words, field by field ("rola: Członek → Wiceprzewodniczący(‑a)"):
// on the proposal's page and in the notice the person gets when the composition is approved.
import { type T, translateKey } from '../../kernel/i18n.ts'
import type { Seat, SeatChange, SeatField } from './rules.ts'

/** A seat as it is shown: with the names of its organisation and of a deputy's member. */
export interface NamedSeat extends Seat {
  name: string
  organisation_name: string | null
  deputy_for_name: string | null
}

function shown(t: T, field: SeatField, s: NamedSeat): string {
  switch (field) {
    case 'role':
      return translateKey(t, `spaces.roles.${s.role}`)
    case 'represents':
      return translateKey(t, `spaces.representations.${s.represents}`)
    case 'organisation':
      return s.organisation_name ?? translateKey(t, 'spaces.composition.noValue')
    case 'deputyFor':
      return s.deputy_for_name ?? translateKey(t, 'spaces.composition.deputyForAny')
  }
}

/** One line per changed field: what it was, what it becomes. Plain text: escape it where it is shown. */
export function seatChangeLines(t: T, change: SeatChange<NamedSeat, NamedSeat>): string[] {
  return change.fields.map(
    (f) =>
      `${translateKey(t, `spaces.composition.seatFields.${f}`)}: ${shown(t, f, change.before)} → ${shown(t, f, change.after)}`,
  )
}
