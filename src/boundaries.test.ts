// The layers of DESIGN.md hold: the kernel imports no module, a module reaches another only
// through its public face (index.ts or service.ts at its root), and no two modules import each
// other, directly or round a longer circle. Read from the import lines of the source files.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { test } from 'node:test'

const root = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

/** Every relative import of a file, as a path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => m[1])
  specs.push(...[...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]))
  return specs.map((s) => normalize(join(dirname(file), s)))
}

/** 'spaces' for src/modules/spaces/…, 'kernel' for src/kernel/…, else undefined. */
function layerOf(path: string): string | undefined {
  const parts = path.split('/')
  if (parts[0] !== 'src') return undefined
  if (parts[1] === 'modules') return parts[2]
  if (parts[1] === 'kernel') return 'kernel'
  return undefined
}

const files = sourceFiles('src')
const isTest = (f: string) => /\.test\.tsx?$/.test(f)
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })))

test('the kernel imports no module and nothing built above it', () => {
  const wrong = edges.filter(
    (e) =>
      !isTest(e.from) &&
      layerOf(e.from) === 'kernel' &&
      (e.to.startsWith('src/modules/') || e.to === 'src/app.ts' || e.to === 'src/texts.ts'),
  )
  assert.deepEqual(
    wrong.map((e) => `${e.from} -> ${e.to}`),
    [],
  )
})

test('a module reaches another module only through its index.ts or service.ts', () => {
  const wrong = edges.filter((e) => {
    const a = layerOf(e.from)
    const b = layerOf(e.to)
    if (!a || !b || b === 'kernel' || a === b || !e.to.startsWith('src/modules/')) return false
    const inside = relative(join('src/modules', b), e.to)
    return inside !== 'index.ts' && inside !== 'service.ts'
  })
  assert.deepEqual(
    wrong.map((e) => `${e.from} -> ${e.to}`),
    [],
  )
})

test('no two modules depend on each other, directly or round a circle', () => {
  const graph = new Map<string, Set<string>>()
  for (const e of edges) {
    const a = layerOf(e.from)
    const b = layerOf(e.to)
    if (isTest(e.from) || !a || !b || a === b || a === 'kernel' || b === 'kernel') continue
    if (!graph.has(a)) graph.set(a, new Set())
    graph.get(a)?.add(b)
  }
  const circles: string[] = []
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === path[0]) circles.push([...path, next].join(' -> '))
      else if (!path.includes(next) && next > path[0]) visit(next, [...path, next])
    }
  }
  for (const start of graph.keys()) visit(start, [start])
  assert.deepEqual(circles, [])
})

// Tables each module's SQL names, from the table types each tables.ts declares.
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>()
  for (const file of files.filter((f) => /(^|\/|-)tables\.ts$/.test(f))) {
    const owner = layerOf(file)
    if (!owner) continue
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(/^\s+([a-z_]+): [A-Z]\w*Table\b/gm))
      owners.set(m[1], owner)
  }
  return owners
}

// People and organisations are read by every module to show names in one round trip (DESIGN.md).
const readByAll = new Set(['people', 'organisations'])

test("a module's SQL names only its own tables, the kernel's, people and organisations", () => {
  const owners = tableOwners()
  assert.ok(owners.get('spaces') === 'spaces' && owners.get('meetings') === 'meetings', 'tables are found')
  const found = new Set<string>()
  for (const file of files.filter((f) => !isTest(f) && layerOf(f) && layerOf(f) !== 'kernel')) {
    if (/\/(demo|[a-z-]*-demo)\.ts$/.test(file) || file.includes('/migrations/')) continue
    const text = readFileSync(join(root, file), 'utf8')
    const names = [
      ...text.matchAll(
        /(?:selectFrom|innerJoin|leftJoin|updateTable|insertInto|deleteFrom|\.from)\(\s*'([a-z_]+)/g,
      ),
      ...text.matchAll(/\b(?:from|join)\s+([a-z_]+)\s+[a-z]+\s+(?:on|where)\b/g),
      ...text.matchAll(/\bfrom\s+([a-z_]+)\s+[a-z]+\s*$/gm),
    ].map((m) => m[1])
    for (const table of names) {
      const owner = owners.get(table)
      const mod = layerOf(file)
      if (owner && owner !== mod && owner !== 'kernel' && !readByAll.has(table)) found.add(`${mod}: ${table}`)
    }
  }
  // The types refuse such a read in a query builder (each module's db.ts); this also covers raw `sql`.
  assert.deepEqual([...found].sort(), [], 'reads of another module’s tables: join its public rows instead')
})

test('only demo data, migrations and tests take the whole database’s type', () => {
  const wrong = files.filter(
    (f) =>
      layerOf(f) &&
      layerOf(f) !== 'kernel' &&
      !isTest(f) &&
      !/\/(demo|[a-z-]*-demo)\.ts$/.test(f) &&
      !f.includes('/migrations/') &&
      /\b(AppDb|Database)\b[^\n]*from '[./]+kernel\/db\.ts'/.test(readFileSync(join(root, f), 'utf8')),
  )
  assert.deepEqual(wrong, [])
})
