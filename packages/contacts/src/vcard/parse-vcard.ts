import ICAL from 'ical.js'
import { vcard3Design, vcard4Design } from './design-set.js'
import { VCardParseError, type VCardWarning } from './vcard-parse-error.js'

/** jCard parameters: lowercase names, a string or (for a multi-valued parameter) a list. */
export type JCardParameters = Record<string, string | string[]>

/**
 * A vCard property as ical.js reads it (jCard), with the line it came from.
 *
 * @see RFC 7095 §3.3
 */
export interface VCardProperty {
  /** Lowercase property name. */
  readonly name: string
  /** jCard parameters; the property group, if any, is the `group` parameter. */
  readonly parameters: JCardParameters
  /** Lowercase value type. */
  readonly type: string
  readonly values: unknown[]
  readonly line: number
}

/**
 * One vCard (BEGIN:VCARD … END:VCARD) with its properties in input order.
 *
 * @see RFC 6350 §6.1
 */
export interface ParsedVCard {
  /** The line of BEGIN:VCARD. */
  readonly line: number
  /** The VERSION value (`4.0`, `3.0`, `2.1`); `4.0` when the card has none. */
  readonly version: string
  readonly properties: VCardProperty[]
}

interface ContentLine {
  content: string
  line: number
}

/**
 * Reads vCard text into vCards with line-numbered properties. Malformed structure (content
 * outside BEGIN/END, an unclosed card, a line without `:`) throws a {@link VCardParseError};
 * what real producers get wrong but can be read (vCard 2.1 parameters without a name,
 * quoted-printable values, charsets, base64 lines without indentation) is repaired and
 * reported in `warnings`.
 *
 * @see RFC 6350 §3
 * @example parseVCards('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n', [])
 */
export function parseVCards(text: string, warnings: VCardWarning[]): ParsedVCard[] {
  const cards: ParsedVCard[] = []
  let open: { line: number; lines: ContentLine[] } | undefined
  for (const contentLine of contentLines(text.replace(/^\uFEFF/, ''), warnings)) {
    const { content, line } = contentLine
    const head = /^(BEGIN|END)\s*:\s*(.*)$/i.exec(content)
    if (head !== null) {
      const isBegin = (head[1] as string).toUpperCase() === 'BEGIN'
      const component = (head[2] as string).trim().toUpperCase()
      if (component !== 'VCARD') {
        throw new VCardParseError({
          line,
          reason: `${head[1]}:${head[2]} is not a vCard component`,
        })
      }
      if (isBegin) {
        // vCard 2.1 AGENT can embed a vCard; nothing here reads agents, so one level is the limit.
        if (open !== undefined) {
          throw new VCardParseError({
            line,
            reason: `BEGIN:VCARD inside the vCard that begins on line ${open.line}`,
          })
        }
        open = { line, lines: [] }
      } else {
        if (open === undefined) {
          throw new VCardParseError({ line, reason: 'END:VCARD without a matching BEGIN:VCARD' })
        }
        cards.push(readCard(open.line, open.lines, warnings))
        open = undefined
      }
      continue
    }
    if (open === undefined) {
      throw new VCardParseError({ line, reason: 'content outside of BEGIN:VCARD … END:VCARD' })
    }
    open.lines.push(contentLine)
  }
  if (open !== undefined) {
    throw new VCardParseError({
      line: open.line,
      reason: 'BEGIN:VCARD is never closed by END:VCARD',
    })
  }
  return cards
}

/** Unfolds physical lines into content lines, each with the number of its first line. */
function contentLines(text: string, warnings: VCardWarning[]): ContentLine[] {
  const lines = text.split(/\r\n|\n|\r/)
  const result: ContentLine[] = []
  let current: ContentLine | undefined
  let base64 = false
  for (const [index, raw] of lines.entries()) {
    const line = index + 1
    const first = raw.charCodeAt(0)
    if ((first === 32 || first === 9) && current !== undefined) {
      current.content += raw.slice(1)
      continue
    }
    if (current !== undefined && isSoftBreak(current.content)) {
      // vCard 2.1 quoted-printable: "=" at the end of a line continues the value on the next.
      current.content = current.content.slice(0, -1) + raw
      continue
    }
    if (raw.trim() === '') {
      base64 = false
      continue
    }
    if (base64 && current !== undefined && !raw.includes(':')) {
      // vCard 2.1 base64 values continue on unindented lines until an empty line.
      warnings.push({ line, message: 'base64 continuation line without indentation (vCard 2.1)' })
      current.content += raw.trim()
      continue
    }
    if (first === 32 || first === 9) {
      throw new VCardParseError({ line, reason: 'continuation line without a line to continue' })
    }
    current = { content: raw, line }
    result.push(current)
    base64 = /;\s*(?:ENCODING=)?BASE64\b/i.test(nameAndParameters(raw))
  }
  return result
}

function isSoftBreak(content: string): boolean {
  return content.endsWith('=') && /QUOTED-PRINTABLE/i.test(nameAndParameters(content))
}

/** The part of a content line before its value. */
function nameAndParameters(content: string): string {
  const colon = valueColon(content)
  return colon === -1 ? content : content.slice(0, colon)
}

/** The index of the colon that starts the value (colons inside quoted parameters do not). */
function valueColon(content: string): number {
  let quoted = false
  for (let index = 0; index < content.length; index++) {
    const char = content[index]
    if (char === '"') quoted = !quoted
    else if (char === ':' && !quoted) return index
  }
  return -1
}

function readCard(line: number, lines: ContentLine[], warnings: VCardWarning[]): ParsedVCard {
  const versionLine = lines.find((candidate) => /^VERSION\s*:/i.test(candidate.content))
  const version = versionLine?.content.slice(versionLine.content.indexOf(':') + 1).trim() ?? '4.0'
  if (versionLine === undefined) {
    warnings.push({ line, message: 'the vCard has no VERSION; read as vCard 4.0' })
  }
  const design = version === '4.0' ? vcard4Design : vcard3Design
  const properties = lines.map((contentLine) =>
    parseProperty(repairLine(contentLine, version, warnings), contentLine.line, design),
  )
  return { line, version, properties }
}

function parseProperty(content: string, line: number, design: typeof vcard4Design): VCardProperty {
  if (valueColon(content) === -1) {
    throw new VCardParseError({
      line,
      reason: `content line without ":" (${content.slice(0, 40)})`,
    })
  }
  let jcard: [string, JCardParameters, string, ...unknown[]]
  try {
    jcard = ICAL.parse.property(content, design) as unknown as typeof jcard
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new VCardParseError({ line, reason: message }, { cause: error })
  }
  const [name, parameters, type, ...values] = jcard
  return { name, parameters, type, values, line }
}

const encodings = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'])

/**
 * Rewrites what ical.js cannot read into standard vCard: vCard 2.1 parameters without a name
 * (`TEL;HOME;VOICE:` is `TEL;TYPE=HOME,VOICE:`), quoted-printable values (decoded in their
 * CHARSET) and the CHARSET parameter itself.
 */
function repairLine(contentLine: ContentLine, version: string, warnings: VCardWarning[]): string {
  const { content, line } = contentLine
  const colon = valueColon(content)
  if (colon === -1) return content
  const [name = '', ...parameters] = splitParameters(content.slice(0, colon))
  let value = content.slice(colon + 1)
  const kept: string[] = []
  const types: string[] = []
  let encoding: string | undefined
  let charset: string | undefined
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=')
    if (equals === -1) {
      const bare = parameter.trim().toUpperCase()
      if (encodings.has(bare)) encoding = bare
      else types.push(parameter.trim())
      continue
    }
    const key = parameter.slice(0, equals).trim().toUpperCase()
    const parameterValue = parameter.slice(equals + 1)
    if (key === 'ENCODING' && parameterValue.toUpperCase() === 'QUOTED-PRINTABLE') {
      encoding = 'QUOTED-PRINTABLE'
    } else if (key === 'CHARSET') {
      charset = parameterValue.replace(/^"|"$/g, '')
    } else if (key === 'ENCODING' && parameterValue.toUpperCase() === 'BASE64') {
      kept.push('ENCODING=b')
    } else {
      kept.push(parameter)
    }
  }
  if (types.length > 0) {
    warnings.push({
      line,
      message: `${name}: parameter(s) ${types.join(', ')} without a name read as TYPE (vCard 2.1)`,
    })
    kept.push(`TYPE=${types.join(',')}`)
  }
  if (encoding === 'BASE64' || encoding === 'B') kept.push('ENCODING=b')
  if (encoding === 'QUOTED-PRINTABLE') {
    warnings.push({ line, message: `${name}: quoted-printable value decoded (vCard 2.1)` })
    value = escapeDecoded(decodeQuotedPrintable(value, charset, line, warnings), version)
  } else if (charset !== undefined) {
    warnings.push({
      line,
      message: `${name}: CHARSET=${charset} ignored; the text is read as UTF-8`,
    })
  }
  return `${[name, ...kept].join(';')}:${value}`
}

/** Splits `NAME;A=1;B="x;y"` at the semicolons outside quotes. */
function splitParameters(head: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const char of head) {
    if (char === '"') quoted = !quoted
    if (char === ';' && !quoted) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

function decodeQuotedPrintable(
  value: string,
  charset: string | undefined,
  line: number,
  warnings: VCardWarning[],
): string {
  const bytes: number[] = []
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string
    const hex = value.slice(index + 1, index + 3)
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      index += 2
    } else {
      for (const byte of new TextEncoder().encode(char)) bytes.push(byte)
    }
  }
  const label = charset ?? 'utf-8'
  try {
    return new TextDecoder(label, { fatal: true }).decode(new Uint8Array(bytes))
  } catch {
    warnings.push({
      line,
      message: `quoted-printable bytes are not ${label}; read as windows-1252`,
    })
    return new TextDecoder('windows-1252').decode(new Uint8Array(bytes))
  }
}

/** Escapes decoded text for ical.js: line breaks always; in vCard 2.1 commas are not special. */
function escapeDecoded(text: string, version: string): string {
  const lines = text.replace(/\r\n|\r|\n/g, '\\n')
  return version === '2.1' ? lines.replace(/(?<!\\),/g, '\\,') : lines
}
