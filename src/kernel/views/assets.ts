// Builds the static theme assets under public/ (served at /assets/):
//   public/css/siatka.css              compiled from views/styles/siatka.scss
//   public/js/govuk-frontend.min.js    copied from govuk-frontend
//   public/govuk/images/*              only govuk images the CSS really uses
//   public/build/<name>.<hash>.<ext>   the CSS and scripts under names made from their content,
//                                      each with .br and .gz beside it: pages link these, which are
//                                      cached for a year as immutable and sent compressed as asked
//
// Everything is rebuilt only when missing or older than its sources, and every
// file is written to a temp file and renamed into place, so several processes
// (app workers, tests, scripts/build-css.ts) can call ensureCss() at once.

import { createHash, randomBytes } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const STYLES_DIR = path.join(ROOT, 'src/kernel/views/styles')
const ENTRY = path.join(STYLES_DIR, 'siatka.scss')
const PUBLIC_DIR = path.join(ROOT, 'public')
const CSS_OUT = path.join(PUBLIC_DIR, 'css/siatka.css')
const GOVUK_DIST = path.join(ROOT, 'node_modules/govuk-frontend/dist/govuk')
const GOVUK_PKG = path.join(ROOT, 'node_modules/govuk-frontend/package.json')
// govuk-frontend writes its version into the CSS; used to spot an upgrade.
const VERSION_RE = /--govuk-frontend-version:\s*"([^"]*)"/
const JS_SRC = path.join(GOVUK_DIST, 'govuk-frontend.min.js')
const JS_OUT = path.join(PUBLIC_DIR, 'js/govuk-frontend.min.js')
const INIT_JS = path.join(PUBLIC_DIR, 'js/init.js')
const BUILD_DIR = path.join(PUBLIC_DIR, 'build')
export const BUILD_URL = '/assets/build/'

// Must match $govuk-assets-path in siatka.scss ("/assets/" + "govuk/").
const GOVUK_ASSETS_URL = '/assets/govuk/'
const GOVUK_ASSETS_OUT = path.join(PUBLIC_DIR, 'govuk')
// Referenced by govuk CSS but hidden by our theme (no GOV.UK marks): never copy.
const HIDDEN_GOVUK_ASSETS = new Set(['images/govuk-crest.svg'])

async function mtimeMs(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

async function newestScssMtime(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, await newestScssMtime(full))
    else if (entry.name.endsWith('.scss')) newest = Math.max(newest, (await stat(full)).mtimeMs)
  }
  return newest
}

/** true when `out` is missing or older than `sourceMtime`. */
async function isStale(out: string, sourceMtime: number): Promise<boolean> {
  const outMtime = await mtimeMs(out)
  return outMtime === null || outMtime < sourceMtime
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

/** Atomically replace `file`: write a sibling temp file, then rename over it. */
async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = tempName(file)
  try {
    await writeFile(tmp, data)
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

async function copyAtomic(src: string, dest: string): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true })
  const tmp = tempName(dest)
  try {
    await copyFile(src, tmp)
    await rename(tmp, dest)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

/**
 * Copy when `dest` is missing, older, or a different size. (npm gives package
 * files a fixed old mtime, so mtime alone misses a govuk-frontend upgrade.)
 */
async function copyIfStale(src: string, dest: string): Promise<void> {
  const srcStat = await stat(src)
  const destStat = await stat(dest).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (!destStat || destStat.mtimeMs < srcStat.mtimeMs || destStat.size !== srcStat.size) {
    await copyAtomic(src, dest)
  }
}

async function compileCss(): Promise<string> {
  // Loaded lazily: sass is large and only needed when the CSS is stale.
  const sass = await import('sass')
  const result = await sass.compileAsync(ENTRY, {
    importers: [new sass.NodePackageImporter(ROOT)],
    style: 'compressed',
    quietDeps: true,
    // govuk-frontend 6 is module-based; nothing to silence today. Add ids
    // here (e.g. 'import') only if a future govuk release needs it.
    silenceDeprecations: [],
  })
  await writeAtomic(CSS_OUT, result.css)
  return result.css
}

/** Copy the govuk-frontend assets (images, fonts) that the compiled CSS points at. */
async function copyReferencedGovukAssets(css: string): Promise<void> {
  const prefix = GOVUK_ASSETS_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const re = new RegExp(`url\\(\\s*["']?${prefix}([^"')?#\\s]+)`, 'g')
  const wanted = new Set<string>()
  for (const m of css.matchAll(re)) {
    const rel = path.posix.normalize(m[1])
    if (!rel.startsWith('..') && !HIDDEN_GOVUK_ASSETS.has(rel)) wanted.add(rel)
  }
  for (const rel of wanted) {
    await copyIfStale(path.join(GOVUK_DIST, 'assets', rel), path.join(GOVUK_ASSETS_OUT, rel))
  }
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

async function build(): Promise<string> {
  const { version } = JSON.parse(await readFile(GOVUK_PKG, 'utf8')) as { version: string }
  const cached = await readIfExists(CSS_OUT)
  const fresh =
    cached !== null &&
    cached.match(VERSION_RE)?.[1] === version &&
    !(await isStale(CSS_OUT, await newestScssMtime(STYLES_DIR)))
  const css = fresh ? cached : await compileCss()
  await copyIfStale(JS_SRC, JS_OUT)
  await copyReferencedGovukAssets(css)
  await fingerprint(css)
  return CSS_OUT
}

/** What pages link: the fingerprinted files once built, the plain ones before. */
export const assetUrls = {
  css: '/assets/css/siatka.css',
  js: '/assets/js/init.js',
}

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** Writes `name.<hash>.ext` with its .br and .gz (once: the name says the content). */
async function writeFingerprinted(name: string, ext: string, content: string): Promise<string> {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12)
  const file = `${name}.${hash}.${ext}`
  const full = path.join(BUILD_DIR, file)
  if ((await mtimeMs(`${full}.gz`)) === null) {
    await writeAtomic(full, content)
    await writeAtomic(
      `${full}.br`,
      await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    )
    await writeAtomic(`${full}.gz`, await gzipped(content, { level: 9 }))
  }
  return BUILD_URL + file
}

async function fingerprint(css: string): Promise<void> {
  const govuk = await writeFingerprinted('govuk-frontend', 'min.js', await readFile(JS_OUT, 'utf8'))
  // init.js imports govuk-frontend by its address: the fingerprinted one imports the fingerprinted one.
  const init = (await readFile(INIT_JS, 'utf8')).replace('/assets/js/govuk-frontend.min.js', govuk)
  assetUrls.js = await writeFingerprinted('init', 'js', init)
  assetUrls.css = await writeFingerprinted('siatka', 'css', css)
}

let inFlight: Promise<string> | null = null

/**
 * Make sure public/css/siatka.css (and the govuk JS/images it needs) exist and
 * are up to date. Returns the absolute path of the CSS file.
 */
export async function ensureCss(): Promise<string> {
  // Concurrent callers in one process share one build.
  inFlight ??= build().finally(() => {
    inFlight = null
  })
  return inFlight
}
