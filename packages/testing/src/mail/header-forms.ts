import { addressParser, type Mailbox } from 'postal-mime'
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

/** One parsed mailbox as RFC 8621 has it: an empty name is no name. */
function emailAddress(mailbox: Mailbox): EmailAddress {
  return { name: mailbox.name.trim() === '' ? null : mailbox.name.trim(), email: mailbox.address }
}

/**
 * The `GroupedAddresses` form: RFC 5322 address lists as postal-mime's address parser reads them
 * (quoted and encoded-word names, groups, and the old `addr (Full Name)` comment form, whose
 * comment becomes the name), with consecutive ungrouped addresses gathered in a group named
 * null, as RFC 8621 asks.
 *
 * @see RFC 8621 §4.1.2.3, RFC 5322 §3.4
 * @example asGroupedAddresses('Team: ann@example.com;, bob@example.com (Bob)') // [{ name: 'Team', … }, { name: null, addresses: [{ name: 'Bob', email: 'bob@example.com' }] }]
 */
export function asGroupedAddresses(raw: string): EmailAddressGroup[] {
  const groups: EmailAddressGroup[] = []
  let loose: EmailAddress[] = []
  for (const entry of addressParser(raw.replace(/\r\n/g, ''))) {
    if (entry.group === undefined) {
      loose.push(emailAddress(entry))
      continue
    }
    if (loose.length > 0) groups.push({ name: null, addresses: loose })
    loose = []
    groups.push({ name: entry.name.trim(), addresses: entry.group.map(emailAddress) })
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
