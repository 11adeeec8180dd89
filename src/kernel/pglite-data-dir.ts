// Siatka before issue 16 kept its embedded database in DATA_DIR/pglite (PGlite, Postgres in
// WASM). The embedded database is now a PostgreSQL server, which cannot open those files: a start
// on such a folder stops and says how to move the data (scripts/move-from-pglite.ts).
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export class PgliteDataDirError extends Error {}

export function refusePgliteDataDir(dataDir: string): void {
  const pglite = join(dataDir, 'pglite')
  if (!existsSync(pglite)) return
  throw new PgliteDataDirError(
    `${dataDir} holds the database of an earlier Siatka, made by PGlite (${pglite}).\n` +
      'Siatka now keeps its data in a PostgreSQL server. Move the data into it once, then start again:\n\n' +
      `  DATA_DIR=${dataDir} npm run move-from-pglite\n` +
      `  DATA_DIR=${dataDir} npm start\n\n` +
      `The move dumps ${pglite} with PGlite's pg_dump, loads the dump into the new server in ` +
      `${join(dataDir, 'postgres')} and renames ${pglite} to ${pglite}-moved (delete it once you are satisfied).\n` +
      `To start with an empty database instead, move ${pglite} out of ${dataDir}.`,
  )
}
