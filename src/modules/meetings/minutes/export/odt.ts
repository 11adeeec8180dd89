// The minutes as OpenDocument Text (ODF 1.3), written directly: no maintained library fits and
// LibreOffice is too heavy to run for one file. The package is four small XML files in a zip whose
// first entry is `mimetype`, stored uncompressed and without extra fields, so tools that sniff the
// first bytes (file(1), browsers) recognise it (ODF 1.3 part 2, §3.3).
import type { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import yazl from 'yazl'
import type { MarkdownRun } from '../../../../kernel/markdown.ts'
import type { Block, MinutesLayout } from './export.ts'

const mimetype = 'application/vnd.oasis.opendocument.text'
const ns = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
}
const xmlns = (...prefixes: (keyof typeof ns)[]) => prefixes.map((p) => `xmlns:${p}="${ns[p]}"`).join(' ')
const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
// 21 cm less two 2 cm margins.
const textWidthCm = 17

export async function minutesOdtFile(layout: MinutesLayout): Promise<Buffer> {
  const files: [name: string, xml: string][] = [
    ['content.xml', contentXml(layout)],
    ['styles.xml', stylesXml(layout)],
    ['meta.xml', metaXml(layout)],
  ]
  const zip = new yazl.ZipFile()
  zip.addBuffer(Buffer.from(mimetype, 'ascii'), 'mimetype', { compress: false, forceDosTimestamp: true })
  zip.addBuffer(Buffer.from(manifestXml(files.map(([name]) => name)), 'utf8'), 'META-INF/manifest.xml')
  for (const [name, xml] of files) zip.addBuffer(Buffer.from(xml, 'utf8'), name)
  zip.end()
  return buffer(zip.outputStream as Readable)
}

/** Text for an XML element or a double-quoted attribute; `clean` has already removed what XML forbids. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  )
}

function manifestXml(names: string[]): string {
  const entry = (path: string, type: string) =>
    `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`
  return `${declaration}<manifest:manifest ${xmlns('manifest')} manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mimetype}"/>
${names.map((n) => entry(n, 'text/xml')).join('\n')}
</manifest:manifest>
`
}

function metaXml(layout: MinutesLayout): string {
  const created = `${new Date().toISOString().slice(0, 19)}Z`
  return `${declaration}<office:document-meta ${xmlns('office', 'meta', 'dc')} office:version="1.3">
<office:meta>
<meta:generator>Siatka</meta:generator>
<dc:title>${escapeXml(layout.title)}</dc:title>
<dc:subject>${escapeXml(layout.status)}</dc:subject>
<dc:language>${escapeXml(layout.lang)}</dc:language>
<meta:creation-date>${created}</meta:creation-date>
${layout.draftMark ? `<meta:keyword>${escapeXml(layout.draftMark)}</meta:keyword>\n` : ''}</office:meta>
</office:document-meta>
`
}

function stylesXml(layout: MinutesLayout): string {
  const [language, country] = layout.lang.split('-')
  const paragraph = (name: string, display: string, props: string, extra = '') =>
    `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" ${extra}>${props}</style:style>`
  const heading = (level: number, size: string, above: string) =>
    paragraph(
      `Heading_20_${level}`,
      `Heading ${level}`,
      `<style:paragraph-properties fo:margin-top="${above}" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>` +
        `<style:text-properties fo:font-size="${size}" fo:font-weight="bold"/>`,
      `style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${level}" style:class="text"`,
    )
  const footer = layout.pageLabel
    .map((part) =>
      typeof part === 'string'
        ? escapeXml(part)
        : part.field === 'page'
          ? '<text:page-number text:select-page="current">1</text:page-number>'
          : '<text:page-count>1</text:page-count>',
    )
    .join('')
  return `${declaration}<office:document-styles ${xmlns('office', 'style', 'text', 'table', 'fo', 'svg')} office:version="1.3">
<office:font-face-decls>
<style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/>
<style:font-face style:name="Courier New" svg:font-family="'Courier New'" style:font-family-generic="modern" style:font-pitch="fixed"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:text-properties style:font-name="Arial" fo:font-size="11pt" fo:language="${escapeXml(language)}"${country ? ` fo:country="${escapeXml(country)}"` : ''}/>
</style:default-style>
${paragraph('Standard', 'Standard', '', 'style:class="text"')}
${paragraph('Text_20_body', 'Text body', '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>', 'style:parent-style-name="Standard" style:class="text"')}
${paragraph('Heading', 'Heading', '<style:paragraph-properties fo:keep-with-next="always"/>', 'style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"')}
${heading(1, '16pt', '0cm')}
${heading(2, '14pt', '0.6cm')}
${heading(3, '12pt', '0.4cm')}
${paragraph('Table_20_Contents', 'Table Contents', '', 'style:parent-style-name="Standard" style:class="extra"')}
${paragraph('Table_20_Heading', 'Table Heading', '<style:text-properties fo:font-weight="bold"/>', 'style:parent-style-name="Table_20_Contents" style:class="extra"')}
${paragraph('Header', 'Header', '<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>', 'style:parent-style-name="Standard" style:class="extra"')}
${paragraph('Footer', 'Footer', '<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt"/>', 'style:parent-style-name="Standard" style:class="extra"')}
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:display-name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text"><style:text-properties style:font-name="Courier New"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
${layout.draftMark ? `<style:header><text:p text:style-name="Header">${escapeXml(layout.draftMark)}</text:p></style:header>\n` : ''}<style:footer><text:p text:style-name="Footer">${footer}</text:p></style:footer>
</style:master-page>
</office:master-styles>
</office:document-styles>
`
}

function contentXml(layout: MinutesLayout): string {
  const automatic: string[] = [
    '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>',
    '<style:style style:name="HeaderCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" fo:background-color="#e8e8e8"/></style:style>',
  ]
  const body: string[] = []
  const names = new Set<string>()
  let tables = 0
  let lastHeading = ''
  // Indented paragraphs of the minutes' own texts (list items, quotes), one style per depth.
  const indents = new Map<string, string>()
  const indented = (left: number, hanging: boolean) => {
    const key = `${left}${hanging ? 'h' : ''}`
    let name = indents.get(key)
    if (!name) {
      name = `P${indents.size + 1}`
      indents.set(key, name)
      automatic.push(
        `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="${left}cm" fo:text-indent="${hanging ? '-0.5cm' : '0cm'}"/></style:style>`,
      )
    }
    return name
  }
  for (const b of layout.blocks) {
    if (b.type === 'heading') lastHeading = b.text
    if (b.type === 'text') {
      const left = b.indent
      const style = left > 0 ? indented(left, b.marker !== undefined) : 'Text_20_body'
      const marker = b.marker ? `${escapeXml(b.marker)} ` : ''
      body.push(
        `<text:p text:style-name="${style}">${marker}${b.runs.map((r) => run(r, b.style)).join('')}</text:p>`,
      )
      continue
    }
    if (b.type !== 'table') {
      body.push(element(b))
      continue
    }
    tables++
    const style = `T${tables}`
    automatic.push(
      `<style:style style:name="${style}" style:family="table"><style:table-properties style:width="${textWidthCm}cm" table:align="left" fo:margin-bottom="0.3cm"/></style:style>`,
      ...b.columns.map(
        (c, i) =>
          `<style:style style:name="${style}.${i + 1}" style:family="table-column"><style:table-column-properties style:column-width="${(c.width * textWidthCm).toFixed(3)}cm"/></style:style>`,
      ),
    )
    // The navigator lists tables by name: the heading above tells them apart.
    let name = lastHeading || style
    if (names.has(name)) name = `${name} (${tables})`
    names.add(name)
    if (b.caption) body.push(`<text:p text:style-name="Text_20_body">${strong(b.caption)}</text:p>`)
    const cell = (text: string, header: boolean) =>
      `<table:table-cell table:style-name="${header ? 'HeaderCell' : 'Cell'}" office:value-type="string"><text:p text:style-name="${header ? 'Table_20_Heading' : 'Table_20_Contents'}">${lines(text)}</text:p></table:table-cell>`
    body.push(
      `<table:table table:name="${escapeXml(name)}" table:style-name="${style}">`,
      ...b.columns.map((_, i) => `<table:table-column table:style-name="${style}.${i + 1}"/>`),
      `<table:table-header-rows><table:table-row>${b.columns.map((c) => cell(c.header, true)).join('')}</table:table-row></table:table-header-rows>`,
      ...b.rows.map(
        (r) => `<table:table-row>${r.map((text) => cell(text, false)).join('')}</table:table-row>`,
      ),
      '</table:table>',
    )
  }
  return `${declaration}<office:document-content ${xmlns('office', 'style', 'text', 'table', 'fo')} office:version="1.3">
<office:automatic-styles>
${automatic.join('\n')}
</office:automatic-styles>
<office:body>
<office:text>
${body.join('\n')}
</office:text>
</office:body>
</office:document-content>
`
}

/** A styled stretch of a person's text: bold, italic (and every word of a quote), code in a fixed-width font. */
function run(r: MarkdownRun, style: string): string {
  const names = [
    r.bold || style === 'heading' ? 'Strong_20_Emphasis' : '',
    r.italic || style === 'quote' ? 'Emphasis' : '',
    r.code ? 'Source_20_Text' : '',
  ].filter(Boolean)
  // ODF spans do not combine styles; a nested span inherits the outer one's.
  return names.reduceRight(
    (inner, name) => `<text:span text:style-name="${name}">${inner}</text:span>`,
    lines(r.text),
  )
}

function element(b: Exclude<Block, { type: 'table' | 'text' }>): string {
  switch (b.type) {
    case 'heading':
      return `<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${lines(b.text)}</text:h>`
    case 'paragraph':
      return `<text:p text:style-name="Text_20_body">${b.strong ? strong(b.text) : lines(b.text)}</text:p>`
    case 'field':
      return `<text:p text:style-name="Text_20_body">${strong(`${b.label}: `)}${lines(b.value)}</text:p>`
  }
}

function strong(text: string): string {
  return `<text:span text:style-name="Strong_20_Emphasis">${lines(text)}</text:span>`
}

// Runs of spaces collapse in ODF unless written as text:s; a newline inside a paragraph is a line break.
function lines(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeXml(line).replace(/ {2,}/g, (s) => ` <text:s text:c="${s.length - 1}"/>`))
    .join('<text:line-break/>')
}
