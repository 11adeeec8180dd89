/** The database that scripts/test-database.ts migrates once; test databases are copies of it. */
export const templateDatabase = 'siatka_template'
