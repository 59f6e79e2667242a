import { encodeBase64 } from '../http/base64.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { invalidProperties, RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { AccountData } from '../store/account-data.js'
import { parseHeaderProperty } from './header-forms.js'

function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text)
    ? text
    : `=?UTF-8?B?${encodeBase64(new TextEncoder().encode(text))}?=`
}

function formatAddresses(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined
  return value
    .filter(isJsonObject)
    .map((address) =>
      typeof address.name === 'string' && address.name !== ''
        ? `${JSON.stringify(encodeWord(address.name))} <${String(address.email)}>`
        : String(address.email),
    )
    .join(', ')
}

function formatDate(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000')
}

const headerProperties: Record<string, string> = {
  from: 'From',
  sender: 'Sender',
  replyTo: 'Reply-To',
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
}

interface BuiltPart {
  readonly headers: string[]
  readonly body: string
}

function leafPart(
  part: unknown,
  email: JsonObject,
  account: AccountData,
  missing: string[],
  property = 'textBody',
): BuiltPart {
  if (!isJsonObject(part)) throw invalidProperties([property], 'a body part must be an object')
  const type = typeof part.type === 'string' ? part.type : 'text/plain'
  const headers = [`Content-Type: ${type}${type.startsWith('text/') ? '; charset=utf-8' : ''}`]
  if (typeof part.disposition === 'string') {
    headers.push(
      `Content-Disposition: ${part.disposition}${typeof part.name === 'string' ? `; filename="${part.name}"` : ''}`,
    )
  }
  if (typeof part.cid === 'string') headers.push(`Content-ID: <${part.cid}>`)
  if (typeof part.partId === 'string') {
    const values = isJsonObject(email.bodyValues) ? email.bodyValues : {}
    const value = values[part.partId]
    if (!isJsonObject(value) || typeof value.value !== 'string') {
      throw invalidProperties(['bodyValues'], `no bodyValues entry for partId ${part.partId}`)
    }
    headers.push('Content-Transfer-Encoding: 8bit')
    return { headers, body: value.value.replace(/\r?\n/g, '\r\n') }
  }
  if (typeof part.blobId === 'string') {
    const blob = account.blobs.get(part.blobId)
    if (blob === undefined) {
      missing.push(part.blobId)
      return { headers, body: '' }
    }
    headers.push('Content-Transfer-Encoding: base64')
    const encoded = encodeBase64(blob.data).replace(/.{76}/g, '$&\r\n')
    return { headers, body: encoded }
  }
  throw invalidProperties([property], 'a body part needs partId or blobId')
}

/**
 * Writes one part of a `bodyStructure` tree: a multipart part from its `subParts`, any other
 * as a leaf (text from `bodyValues` by `partId`, anything else from its `blobId`).
 *
 * @see RFC 8621 §4.1.4, §4.6
 */
function structurePart(
  part: unknown,
  email: JsonObject,
  account: AccountData,
  missing: string[],
  boundarySeed: string,
): BuiltPart {
  if (!isJsonObject(part)) throw invalidProperties(['bodyStructure'], 'a part must be an object')
  const type = typeof part.type === 'string' ? part.type.toLowerCase() : 'text/plain'
  if (!type.startsWith('multipart/'))
    return leafPart(part, email, account, missing, 'bodyStructure')
  if (!Array.isArray(part.subParts) || part.subParts.length === 0) {
    throw invalidProperties(['bodyStructure'], `a ${type} part needs subParts`)
  }
  const subParts = part.subParts.map((subPart, index) =>
    structurePart(subPart, email, account, missing, `${boundarySeed}.${index}`),
  )
  return multipart(type.slice('multipart/'.length), subParts, boundarySeed)
}

function multipart(subtype: string, parts: readonly BuiltPart[], boundarySeed: string): BuiltPart {
  const boundary = `=_${subtype}_${boundarySeed}`
  const body = parts
    .map((part) => `--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n${part.body}\r\n`)
    .join('')
  return {
    headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"`],
    body: `${body}--${boundary}--`,
  }
}

/**
 * Writes the RFC 5322 message an Email/set create describes (headers from
 * the convenience and `header:` properties, body from `bodyStructure` or from
 * textBody/htmlBody/attachments, with bodyValues and blobs).
 *
 * @see RFC 8621 §4.6
 */
export function buildMessage(
  email: JsonObject,
  account: AccountData,
  messageIdSeed: string,
  now: Date,
): string {
  if (
    email.bodyStructure !== undefined &&
    ['textBody', 'htmlBody', 'attachments'].some((property) => email[property] !== undefined)
  ) {
    throw invalidProperties(
      ['bodyStructure'],
      'bodyStructure cannot be given with textBody, htmlBody or attachments',
    )
  }
  const lines: string[] = []
  for (const [property, header] of Object.entries(headerProperties)) {
    const formatted = formatAddresses(email[property])
    if (formatted !== undefined) lines.push(`${header}: ${formatted}`)
  }
  if (typeof email.subject === 'string') lines.push(`Subject: ${encodeWord(email.subject)}`)
  lines.push(
    `Date: ${formatDate(typeof email.sentAt === 'string' ? email.sentAt : now.toISOString())}`,
  )
  const messageId = Array.isArray(email.messageId)
    ? email.messageId[0]
    : `${messageIdSeed}@jmap.test`
  lines.push(`Message-ID: <${String(messageId)}>`)
  if (Array.isArray(email.inReplyTo))
    lines.push(`In-Reply-To: ${email.inReplyTo.map((id) => `<${String(id)}>`).join(' ')}`)
  if (Array.isArray(email.references))
    lines.push(`References: ${email.references.map((id) => `<${String(id)}>`).join(' ')}`)
  for (const [property, value] of Object.entries(email)) {
    const header = parseHeaderProperty(property)
    if (header === undefined || header.all) continue
    if (header.name.toLowerCase().startsWith('content-')) throw invalidProperties([property])
    // A Raw value is everything after the colon (RFC 8621 §4.1.2.1), so it
    // is written right after the colon and reads back unchanged.
    if (header.form === 'Raw' && typeof value === 'string') {
      lines.push(`${header.name}:${value}`)
      continue
    }
    const text =
      header.form === 'Addresses'
        ? formatAddresses(value)
        : typeof value === 'string'
          ? encodeWord(value)
          : undefined
    if (text === undefined) throw invalidProperties([property])
    lines.push(`${header.name}: ${text}`)
  }
  lines.push('MIME-Version: 1.0')
  const missing: string[] = []
  const main =
    email.bodyStructure !== undefined
      ? structurePart(email.bodyStructure, email, account, missing, messageIdSeed)
      : convenienceBody(email, account, missing, messageIdSeed)
  if (missing.length > 0)
    throw new RecordRejectedError('blobNotFound', undefined, { notFound: missing })
  return `${[...lines, ...main.headers].join('\r\n')}\r\n\r\n${main.body}\r\n`
}

/** The body built from `textBody`, `htmlBody` and `attachments` (RFC 8621 §4.6's shortcut). */
function convenienceBody(
  email: JsonObject,
  account: AccountData,
  missing: string[],
  messageIdSeed: string,
): BuiltPart {
  const text = Array.isArray(email.textBody)
    ? email.textBody.map((part) => leafPart(part, email, account, missing))
    : []
  const html = Array.isArray(email.htmlBody)
    ? email.htmlBody.map((part) => leafPart(part, email, account, missing, 'htmlBody'))
    : []
  const attachments = Array.isArray(email.attachments)
    ? email.attachments.map((part) =>
        leafPart(
          isJsonObject(part) ? { disposition: 'attachment', ...part } : part,
          email,
          account,
          missing,
          'attachments',
        ),
      )
    : []
  const bodies = [...text, ...html]
  const main: BuiltPart =
    bodies.length === 0
      ? { headers: ['Content-Type: text/plain; charset=utf-8'], body: '' }
      : text.length > 0 && html.length > 0
        ? multipart('alternative', bodies, messageIdSeed)
        : (bodies[0] as BuiltPart)
  return attachments.length > 0
    ? multipart('mixed', [main, ...attachments], `${messageIdSeed}m`)
    : main
}
