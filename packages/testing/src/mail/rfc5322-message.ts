import type { JsonObject } from '../json.js'

/** One header field as RFC 8621 `EmailHeader` (`value` is the raw, still folded text). */
export interface HeaderField {
  readonly name: string
  readonly value: string
}

/** A parsed MIME part: the RFC 8621 EmailBodyPart plus its decoded content. */
export interface MimePart {
  readonly partId: string | null
  readonly headers: readonly HeaderField[]
  readonly type: string
  readonly charset: string | null
  readonly name: string | null
  readonly disposition: string | null
  readonly cid: string | null
  readonly language: string[] | null
  readonly location: string | null
  readonly size: number
  readonly subParts: MimePart[] | null
  /** Decoded bytes of a leaf part. */
  readonly content: Uint8Array
}

/** A parsed RFC 5322 message. */
export interface ParsedMessage {
  readonly headers: readonly HeaderField[]
  readonly root: MimePart
  readonly textBody: readonly MimePart[]
  readonly htmlBody: readonly MimePart[]
  readonly attachments: readonly MimePart[]
  readonly size: number
}

const encoder = new TextEncoder()

function splitHead(text: string): [string, string] {
  const at = text.indexOf('\r\n\r\n')
  if (at === -1) return [text, '']
  return [text.slice(0, at), text.slice(at + 4)]
}

/** Splits a header block into fields, keeping folding in the raw values. */
export function parseHeaderBlock(block: string): HeaderField[] {
  const fields: HeaderField[] = []
  for (const line of block.split('\r\n')) {
    if (line === '') continue
    const last = fields[fields.length - 1]
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      fields[fields.length - 1] = { name: last.name, value: `${last.value}\r\n${line}` }
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    fields.push({ name: line.slice(0, colon), value: line.slice(colon + 1) })
  }
  return fields
}

/** The last field with this name (case-insensitive), or `undefined`. */
export function lastHeader(headers: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase()
  return headers.filter((field) => field.name.toLowerCase() === lower).at(-1)?.value
}

/** Parses `type/subtype; a=b; c="d"` into lowercase type and parameters. */
export function parseParameterised(value: string): {
  value: string
  params: Record<string, string>
} {
  const [head = '', ...rest] = value.replace(/\r\n/g, '').split(';')
  const params: Record<string, string> = {}
  for (const item of rest) {
    const eq = item.indexOf('=')
    if (eq === -1) continue
    params[item.slice(0, eq).trim().toLowerCase()] = item
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
  }
  return { value: head.trim().toLowerCase(), params }
}

function bytesOf(binary: string): Uint8Array {
  return Uint8Array.from(binary, (char) => char.charCodeAt(0) & 0xff)
}

/**
 * Base64 as mail clients decode it: characters outside the alphabet are skipped, and a body whose
 * length is not a multiple of four loses its incomplete last group instead of failing the whole
 * message (`atob` throws on it; real messages have such parts).
 *
 * @see RFC 2045 §6.8
 */
function decodeBase64Leniently(body: string): Uint8Array {
  const letters = body.replace(/[^A-Za-z0-9+/]/g, '')
  const whole = letters.slice(0, letters.length - (letters.length % 4 === 1 ? 1 : 0))
  return bytesOf(atob(whole.padEnd(Math.ceil(whole.length / 4) * 4, '=')))
}

function decodeTransfer(body: string, encoding: string, isText: boolean): Uint8Array {
  if (encoding === 'base64') return decodeBase64Leniently(body)
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r\n/g, '')
    const bytes: number[] = []
    for (let i = 0; i < joined.length; i += 1) {
      const char = joined[i] as string
      const hex = joined.slice(i + 1, i + 3)
      if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16))
        i += 2
      } else {
        bytes.push(...encoder.encode(char))
      }
    }
    return Uint8Array.from(bytes)
  }
  return isText ? encoder.encode(body) : bytesOf(body)
}

/** Decodes bytes in a MIME charset (UTF-8 when unknown). */
export function decodeCharset(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset === null || charset === 'us-ascii' ? 'utf-8' : charset).decode(
      bytes,
    )
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Decodes RFC 2047 encoded words in an unstructured header value. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_match, charset: string, kind: string, text: string) => {
        const bytes =
          kind.toUpperCase() === 'B'
            ? bytesOf(atob(text))
            : decodeTransfer(text.replace(/_/g, ' '), 'quoted-printable', true)
        return decodeCharset(bytes, charset.toLowerCase())
      },
    )
}

function parsePart(text: string, partId: { next: number }, defaultType: string): MimePart {
  const [head, body] = splitHead(text)
  const headers = parseHeaderBlock(head)
  const contentType = parseParameterised(lastHeader(headers, 'Content-Type') ?? defaultType)
  const type = contentType.value.includes('/') ? contentType.value : 'text/plain'
  const dispositionHeader = lastHeader(headers, 'Content-Disposition')
  const disposition = dispositionHeader === undefined ? null : parseParameterised(dispositionHeader)
  const rawName = disposition?.params.filename ?? contentType.params.name
  const common = {
    headers,
    type,
    name: rawName === undefined ? null : decodeEncodedWords(rawName),
    disposition: disposition?.value ?? null,
    cid:
      lastHeader(headers, 'Content-ID')
        ?.trim()
        .replace(/^<(.*)>$/, '$1') ?? null,
    language:
      lastHeader(headers, 'Content-Language')
        ?.split(',')
        .map((item) => item.trim()) ?? null,
    location: lastHeader(headers, 'Content-Location')?.trim() ?? null,
  }
  const boundary = contentType.params.boundary
  if (type.startsWith('multipart/') && boundary !== undefined) {
    const sections = body.split(`--${boundary}`)
    const inner = sections.slice(1).filter((section) => !section.startsWith('--'))
    const subDefault = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain'
    const subParts = inner.map((section) =>
      parsePart(section.replace(/^\r\n/, '').replace(/\r\n$/, ''), partId, subDefault),
    )
    return { ...common, partId: null, charset: null, size: 0, subParts, content: new Uint8Array() }
  }
  const encoding = (lastHeader(headers, 'Content-Transfer-Encoding') ?? '7bit').trim().toLowerCase()
  const content = decodeTransfer(body, encoding, true)
  partId.next += 1
  return {
    ...common,
    partId: String(partId.next),
    charset: type.startsWith('text/')
      ? (contentType.params.charset?.toLowerCase() ?? 'us-ascii')
      : null,
    size: content.length,
    subParts: null,
    content,
  }
}

function isInlineMedia(type: string): boolean {
  return type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/')
}

/** The RFC 8621 §4.1.4 algorithm that picks textBody, htmlBody and attachments. */
function classify(
  parts: readonly MimePart[],
  multipartType: string,
  inAlternative: boolean,
  initialHtml: MimePart[] | null,
  initialText: MimePart[] | null,
  attachments: MimePart[],
): void {
  let htmlBody = initialHtml
  let textBody = initialText
  const textLength = textBody?.length ?? -1
  const htmlLength = htmlBody?.length ?? -1
  for (const [index, part] of parts.entries()) {
    const isInline =
      part.disposition !== 'attachment' &&
      (part.type === 'text/plain' || part.type === 'text/html' || isInlineMedia(part.type)) &&
      (index === 0 ||
        (multipartType !== 'related' && (isInlineMedia(part.type) || part.name === null)))
    if (part.subParts !== null) {
      const subType = part.type.split('/')[1] ?? 'mixed'
      classify(
        part.subParts,
        subType,
        inAlternative || subType === 'alternative',
        htmlBody,
        textBody,
        attachments,
      )
    } else if (isInline) {
      if (multipartType === 'alternative') {
        if (part.type === 'text/plain') textBody?.push(part)
        else if (part.type === 'text/html') htmlBody?.push(part)
        else attachments.push(part)
        continue
      }
      if (inAlternative) {
        if (part.type === 'text/plain') htmlBody = null
        if (part.type === 'text/html') textBody = null
      }
      textBody?.push(part)
      htmlBody?.push(part)
      if ((textBody === null || htmlBody === null) && isInlineMedia(part.type))
        attachments.push(part)
    } else {
      attachments.push(part)
    }
  }
  if (multipartType === 'alternative' && textBody !== null && htmlBody !== null) {
    if (textLength === textBody.length && htmlLength !== htmlBody.length) {
      textBody.push(...htmlBody.slice(htmlLength))
    }
    if (htmlLength === htmlBody.length && textLength !== textBody.length) {
      htmlBody.push(...textBody.slice(textLength))
    }
  }
}

/**
 * Parses a raw RFC 5322 message (MIME aware) into headers, the body-part tree
 * and the textBody/htmlBody/attachments lists RFC 8621 defines.
 *
 * @see RFC 8621 §4.1.4
 * @example parseMessage('From: a@example.com\r\nSubject: Hi\r\n\r\nHello\r\n').textBody.length // 1
 */
export function parseMessage(raw: string): ParsedMessage {
  const text = raw.replace(/\r?\n/g, '\r\n')
  const root = parsePart(text, { next: 0 }, 'text/plain')
  const textBody: MimePart[] = []
  const htmlBody: MimePart[] = []
  const attachments: MimePart[] = []
  const rootType = root.type.split('/')[1] ?? 'mixed'
  classify(
    [root],
    root.subParts === null ? 'mixed' : rootType,
    false,
    htmlBody,
    textBody,
    attachments,
  )
  return {
    headers: root.headers,
    root,
    textBody,
    htmlBody,
    attachments,
    size: encoder.encode(text).length,
  }
}

/** The text of a leaf part, decoded from its charset. */
export function partText(part: MimePart): string {
  return decodeCharset(part.content, part.charset)
}

/** The EmailBodyPart JSON of a part, with only the requested properties. */
export function bodyPartJson(
  part: MimePart,
  properties: readonly string[],
  blobIdOf: (part: MimePart) => string | null,
): JsonObject {
  const out: JsonObject = {}
  for (const property of properties) {
    if (property === 'subParts') {
      out.subParts = part.subParts?.map((sub) => bodyPartJson(sub, properties, blobIdOf)) ?? null
    } else if (property === 'blobId') out.blobId = blobIdOf(part)
    else if (property === 'headers') out.headers = part.headers.map((field) => ({ ...field }))
    else if (property in part) out[property] = (part as unknown as JsonObject)[property] ?? null
  }
  return out
}
