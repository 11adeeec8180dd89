// The meetings module's texts: convening, notices and the calendar here, each sub-module's beside it.
import * as actions from '../actions/texts/index.ts'
import * as attendance from '../attendance/texts/index.ts'
import * as decisions from '../decisions/texts/index.ts'
import * as minutes from '../minutes/texts/index.ts'
import * as visits from '../visits/texts/index.ts'
import { en as ownEn } from './en.ts'
import { pl as ownPl } from './pl.ts'

export const pl = { ...ownPl, ...visits.pl, ...attendance.pl, ...minutes.pl, ...decisions.pl, ...actions.pl }
export const en = { ...ownEn, ...visits.en, ...attendance.en, ...minutes.en, ...decisions.en, ...actions.en }
