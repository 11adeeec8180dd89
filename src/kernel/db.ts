import {
  Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresDialect,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type Transaction,
  type UnknownRow,
} from 'kysely'
import pg from 'pg'
import type { KernelTables } from './tables.ts'

/**
 * The app's database: the kernel's tables here, and each module adds its own from its tables.ts by
 * declaration merging (`declare module '../../kernel/db.ts'`), so the kernel imports no module.
 */
export interface Database extends KernelTables {}

/**
 * A module's handle on the database, typed against the tables it may name: its own `T` and the
 * kernel's (each module's db.ts adds people and organisations from accounts). A query on another
 * module's table does not compile; that module's public face offers a function or a view for it.
 */
export type Scoped<T> = ScopedPool<T> | Transaction<KernelTables & T>

/** The same outside a transaction: what a job or a service that opens its own transactions takes. */
export type ScopedPool<T> = Kysely<KernelTables & T>

/**
 * A handle as it crosses a module's public face or enters the kernel: any module's `Scoped` (or the
 * whole app's) fits. The receiver names tables only through its own type, by assigning it first:
 * `const db: Db = handle` (an untyped handle is never queried directly).
 */
// biome-ignore lint/suspicious/noExplicitAny: the one place a handle is untyped, to pass between scopes
export type AnyDb = AnyPool | Transaction<any>

/** The same outside a transaction: the app's pool, as requests (`req.db`) and jobs get it. */
// biome-ignore lint/suspicious/noExplicitAny: as above
export type AnyPool = Kysely<any>

/** The whole app's database, every module's tables: for migrations, demo data, tests and the bench only. */
export type AppDb = Kysely<Database> | Transaction<Database>

/** The kernel's own view: its tables only. */
export type KernelDb = Scoped<unknown>

/** Typed words as a LIKE pattern that finds them anywhere, their own `%`, `_` and `\` taken literally. */
export const likeContaining = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export interface OpenDatabase {
  db: Kysely<Database>
  /** The PostgreSQL server's address (pg-boss keeps its own small pool there). */
  url: string
  /** Statements run through `db` since it was opened (the benchmark's and tests' count per request). */
  statements(): number
  close(): Promise<void>
}

// timestamptz as Date, bigint counts as numbers: Siatka never counts past 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
// A date column is a calendar day, not an instant: it stays 'YYYY-MM-DD' (a Date would shift it by the zone).
pg.types.setTypeParser(1082, (v) => v)

export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  pool.on('connect', preparedByName(new StatementNames()))
  let statements = 0
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new WritesPlugin()],
    log: () => {
      statements++
    },
  })
  return { db, url, statements: () => statements, close: () => db.destroy() }
}

/**
 * Names the statements this process runs often, so that each connection parses and plans them once
 * and then only binds and executes them (PostgreSQL's prepared statements; the `pg` driver keeps them
 * per connection by name). Kysely passes no name, so the pool's clients are wrapped as they connect.
 * Only statements with parameters are named: those already go through the extended protocol, so
 * nothing else changes for them (a parameterless text may hold several statements, which a prepared
 * statement cannot).
 */
function preparedByName(names: StatementNames) {
  return (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (text: unknown, values?: unknown) => Promise<unknown>
    const named = (text: unknown, values?: unknown) => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = names.nameFor(text)
        if (name) return query({ name, text, values })
      }
      return query(text, values)
    }
    client.query = named as typeof client.query
  }
}

/**
 * Which statement texts have a name. A text is named from its second run (a one-off, such as a
 * search with a long list of ids, is never prepared), and at most `limit` texts are: the app's own
 * queries are a few hundred, so the bound only stops a text built from varying input (an `in` list
 * of every length) from filling each connection's memory on the server.
 */
export class StatementNames {
  readonly #seen = new Map<string, number>()
  readonly #names = new Map<string, string>()

  constructor(
    readonly limit = 500,
    readonly after = 2,
  ) {}

  nameFor(text: string): string | undefined {
    const name = this.#names.get(text)
    if (name || this.#names.size >= this.limit) return name
    const runs = (this.#seen.get(text) ?? 0) + 1
    if (runs < this.after) {
      if (this.#seen.size < this.limit * 4) this.#seen.set(text, runs)
      return undefined
    }
    this.#seen.delete(text)
    const next = `s${this.#names.size + 1}`
    this.#names.set(text, next)
    return next
  }

  get size(): number {
    return this.#names.size
  }
}

type WriteListener = (tables: readonly string[]) => void
const writeListeners = new Set<WriteListener>()

/**
 * Hears, after each statement through a `db` of this process that inserted, updated or deleted
 * rows, which tables it wrote (what the kernel keeps of them is then dropped: kernel/public-pages.ts).
 * Raw `sql` statements are not seen. Returns how to stop hearing.
 */
export function afterWrites(listener: WriteListener): () => void {
  writeListeners.add(listener)
  return () => writeListeners.delete(listener)
}

class WritesPlugin implements KyselyPlugin {
  readonly #written = new WeakMap<QueryId, string[]>()

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (writeListeners.size > 0) {
      const tables =
        node.kind === 'InsertQueryNode'
          ? [node.into]
          : node.kind === 'UpdateQueryNode'
            ? [node.table]
            : node.kind === 'DeleteQueryNode'
              ? node.from.froms
              : []
      const names = tables.flatMap((t) => (t ? tableName(t) : []))
      if (names.length > 0) this.#written.set(queryId, names)
    }
    return node
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const tables = this.#written.get(queryId)
    if (tables) for (const listener of writeListeners) listener(tables)
    return result
  }
}

function tableName(node: OperationNode): string[] {
  const n = node as OperationNode & {
    node?: OperationNode
    table?: { identifier?: { name?: string } }
  }
  if (n.kind === 'AliasNode' && n.node) return tableName(n.node)
  if (n.kind === 'TableNode' && n.table?.identifier?.name) return [n.table.identifier.name]
  return []
}
