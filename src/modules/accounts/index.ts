// The accounts module's public face beside service.ts.
export { type OrganisationType, organisationTypes } from './tables.ts'
