// The spaces module's public face beside service.ts: what other modules' pages and queries use.

export { membershipRows, ruleRows, spaceRows } from './joinable.ts'
export { defaultMeetingRules, type MeetingRules, readableBy } from './queries.ts'
export { currentOn } from './query-parts.ts'
export { enterSpace, type InSpace, inSpace } from './routes/load.ts'
export { MonthQuery } from './schemas.ts'
export { MonthTable } from './views/month-table.tsx'
export { type SpaceMay, SpacePage, StatusTag, SummaryMarkupRow, SummaryRow } from './views/space-page.tsx'
