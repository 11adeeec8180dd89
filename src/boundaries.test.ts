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
