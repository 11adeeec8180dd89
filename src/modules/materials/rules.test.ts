import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileSize } from '../../kernel/views/file-size.ts'
import { byLanguage, downloadName, fileNamePart, zipEntryNames } from './rules.ts'

test('a title becomes part of a file name with Polish letters kept and no way out of the folder', () => {
  assert.equal(fileNamePart('Łączna ocena źródeł'), 'Łączna ocena źródeł')
  assert.equal(fileNamePart('../../etc/passwd'), 'etc passwd')
  assert.equal(fileNamePart('..'), 'material')
  assert.equal(fileNamePart('C:\\Windows\\system32'), 'C Windows system32')
  assert.equal(fileNamePart('raport\u202Efdp.exe'), 'raport fdp.exe', 'no right-to-left override')
  assert.equal(fileNamePart('a\u0000b\nc'), 'a b c')
  assert.equal(fileNamePart('  Plan.  '), 'Plan')
  assert.equal(fileNamePart('ą'.repeat(300)).length, 100)
})

test('a download is named by title and language, an earlier version says which', () => {
  assert.equal(downloadName({ title: 'Plan pracy', language: 'pl', kind: 'pdf' }), 'Plan pracy (pl).pdf')
  assert.equal(
    downloadName({ title: 'Plan pracy', language: 'en', kind: 'docx', version: 1 }),
    'Plan pracy (en, v1).docx',
  )
})

test('names in a zip carry the agenda item number and never collide', () => {
  assert.deepEqual(
    zipEntryNames([
      { itemNumber: null, title: 'Zaproszenie', language: 'pl', kind: 'pdf' },
      { itemNumber: 2, title: 'Plan', language: 'pl', kind: 'pdf' },
      { itemNumber: 2, title: 'Plan', language: 'en', kind: 'pdf' },
      { itemNumber: 2, title: 'plan', language: 'pl', kind: 'pdf' },
      { itemNumber: 12, title: 'Plan', language: 'pl', kind: 'pdf' },
    ]),
    [
      '00 Zaproszenie (pl).pdf',
      '02 Plan (pl).pdf',
      '02 Plan (en).pdf',
      '02 plan (pl) 2.pdf',
      '12 Plan (pl).pdf',
    ],
  )
})

test('language versions come Polish first, then English, then the rest', () => {
  assert.deepEqual(
    byLanguage([{ language: 'uk' }, { language: 'en' }, { language: 'pl' }] as const).map((f) => f.language),
    ['pl', 'en', 'uk'],
  )
})

test('sizes are written as the reader writes numbers', () => {
  assert.equal(fileSize(1_288_490, 'pl'), '1,2 MB')
  assert.equal(fileSize(1_288_490, 'en'), '1.2 MB')
  assert.equal(fileSize(70, 'pl'), '0,1 kB')
  assert.equal(fileSize(15_360, 'en'), '15 kB')
})
