import { decodeEncodedWords, type HeaderField } from './rfc5322-message.js'

/** RFC 8621 EmailAddress. */
export interface EmailAddress {
  name: string | null
  email: string
}

/** RFC 8621 EmailAddressGroup. */
export interface EmailAddressGroup {
  name: string | null
  addresses: EmailAddress[]
}

/** Unfolds and decodes a header value (the `Text` form). */
export function asText(raw: string): string {
  return decodeEncodedWords(raw.replace(/\r\n/g, '')).trim()
}

function splitTopLevel(text: string, separator: string): string[] {
  const items: string[] = []
  let depth = 0
  let quoted = false
  let current = ''
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char === '<') depth += 1
    else if (!quoted && char === '>') depth -= 1
    if (char === separator && !quoted && depth === 0) {
      items.push(current)
      current = ''
    } else current += char
  }
  items.push(current)
  return items.map((item) => item.trim()).filter((item) => item !== '')
}

function parseMailbox(text: string): EmailAddress {
  const angle = /^(.*)<([^>]*)>\s*$/.exec(text)
  if (angle === null) return { name: null, email: text.trim() }
  const name = decodeEncodedWords((angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1')).trim()
  return { name: name === '' ? null : name, email: (angle[2] ?? '').trim() }
}

/** The `GroupedAddresses` form. */
export function asGroupedAddresses(raw: string): EmailAddressGroup[] {
  const text = raw.replace(/\r\n/g, '')
  const groups: EmailAddressGroup[] = []
  let rest = text
  const groupPattern = /^\s*([^:<>",]+):([^;]*);?/
  const loose: EmailAddress[] = []
  while (rest.trim() !== '') {
    const group = groupPattern.exec(rest)
    if (group !== null && !(group[1] ?? '').includes('@')) {
      if (loose.length > 0) groups.push({ name: null, addresses: loose.splice(0) })
      groups.push({
        name: decodeEncodedWords((group[1] ?? '').trim()),
        addresses: splitTopLevel(group[2] ?? '', ',').map(parseMailbox),
      })
      rest = rest.slice(group[0].length).replace(/^\s*,/, '')
      continue
    }
    const [first = '', ...others] = splitTopLevel(rest, ',')
    loose.push(parseMailbox(first))
    rest = others.join(',')
  }
  if (loose.length > 0) groups.push({ name: null, addresses: loose })
  return groups
}

/** The `Addresses` form (groups flattened). */
export function asAddresses(raw: string): EmailAddress[] {
  return asGroupedAddresses(raw).flatMap((group) => group.addresses)
}

/** The `MessageIds` form; `null` when no id parses. */
export function asMessageIds(raw: string): string[] | null {
  const ids = [...raw.matchAll(/<([^>]+)>/g)].map((match) => (match[1] ?? '').trim())
  return ids.length > 0 ? ids : null
}

/** The `Date` form (RFC 3339, no fractional seconds); `null` when it does not parse. */
export function asDate(raw: string): string | null {
  const time = Date.parse(
    raw
      .replace(/\r\n/g, '')
      .replace(/\([^)]*\)/g, '')
      .trim(),
  )
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace('.000Z', 'Z')
}

/** The `URLs` form; `null` when none. */
export function asURLs(raw: string): string[] | null {
  const urls = [...raw.matchAll(/<([^>]+)>/g)].map((match) => match[1] ?? '')
  return urls.length > 0 ? urls : null
}

const forms: Record<string, (raw: string) => unknown> = {
  Raw: (raw) => raw,
  Text: asText,
  Addresses: asAddresses,
  GroupedAddresses: asGroupedAddresses,
  MessageIds: asMessageIds,
  Date: asDate,
  URLs: asURLs,
}

const addressHeaders = [
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'bcc',
  'resent-from',
  'resent-sender',
  'resent-reply-to',
  'resent-to',
  'resent-cc',
  'resent-bcc',
]
const messageIdHeaders = ['message-id', 'in-reply-to', 'references', 'resent-message-id']
const dateHeaders = ['date', 'resent-date']
const knownStructured = [...addressHeaders, ...messageIdHeaders, ...dateHeaders]

function formAllowed(name: string, form: string): boolean {
  const lower = name.toLowerCase()
  if (form === 'Raw') return true
  if (form === 'Text') return !knownStructured.includes(lower)
  if (form === 'Addresses' || form === 'GroupedAddresses') return addressHeaders.includes(lower)
  if (form === 'MessageIds') return messageIdHeaders.includes(lower)
  if (form === 'Date') return dateHeaders.includes(lower)
  if (form === 'URLs') return lower.startsWith('list-')
  return false
}

/** A parsed `header:{name}[:as{Form}][:all]` property name. */
export interface HeaderProperty {
  readonly name: string
  readonly form: string
  readonly all: boolean
}

/**
 * Parses a `header:` property name; `undefined` when it is not one or the
 * form is not allowed for that header.
 *
 * @see RFC 8621 §4.1.3
 * @example parseHeaderProperty('header:From:asAddresses:all') // { name: 'From', form: 'Addresses', all: true }
 */
export function parseHeaderProperty(property: string): HeaderProperty | undefined {
  const match = /^header:([^:]+)(?::as([A-Za-z]+))?(:all)?$/.exec(property)
  if (match === null) return undefined
  const name = match[1] as string
  const form = match[2] ?? 'Raw'
  if (forms[form] === undefined || !formAllowed(name, form)) return undefined
  return { name, form, all: match[3] !== undefined }
}

/** Reads a `header:` property from header fields. */
export function readHeaderProperty(
  headers: readonly HeaderField[],
  property: HeaderProperty,
): unknown {
  const lower = property.name.toLowerCase()
  const convert = forms[property.form] as (raw: string) => unknown
  const values = headers
    .filter((field) => field.name.toLowerCase() === lower)
    .map((field) => convert(field.value))
  return property.all ? values : (values.at(-1) ?? null)
}
