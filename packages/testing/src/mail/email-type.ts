import type { DataType, RecordContext, SortComparator } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty, compareStrings } from '../methods/query-engine.js'
import { afterEmailChange, parsedEmail, threadIdFor } from './email-store.js'
import {
  asAddresses,
  asDate,
  asMessageIds,
  asText,
  parseHeaderProperty,
  readHeaderProperty,
} from './header-forms.js'
import { mailCapability } from './mail-capabilities.js'
import { buildMessage } from './message-builder.js'
import {
  bodyPartJson,
  lastHeader,
  type MimePart,
  type ParsedMessage,
  parseMessage,
  partText,
} from './rfc5322-message.js'

const metadata = ['id', 'blobId', 'threadId', 'mailboxIds', 'keywords', 'size', 'receivedAt']
const convenience = [
  'messageId',
  'inReplyTo',
  'references',
  'sender',
  'from',
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'sentAt',
]
const body = [
  'bodyStructure',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
  'hasAttachment',
  'preview',
]
/**
 * What Email/parse returns when `properties` is omitted; Email/get's default is
 * these after the metadata properties.
 *
 * @see RFC 8621 §4.2, §4.9
 */
export const emailParseDefaultProperties: readonly string[] = [
  ...convenience,
  'hasAttachment',
  'preview',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
]
const defaultBodyProperties = [
  'partId',
  'blobId',
  'size',
  'name',
  'type',
  'charset',
  'disposition',
  'cid',
  'language',
  'location',
]
const keywordPattern = /^[\x21-\x7e]{1,255}$/

function addressHeader(name: string): (parsed: ParsedMessage) => unknown {
  return (parsed) => {
    const raw = lastHeader(parsed.headers, name)
    return raw === undefined ? null : asAddresses(raw)
  }
}

function idsHeader(name: string): (parsed: ParsedMessage) => unknown {
  return (parsed) => {
    const raw = lastHeader(parsed.headers, name)
    return raw === undefined ? null : asMessageIds(raw)
  }
}

const convenienceReaders: Record<string, (parsed: ParsedMessage) => unknown> = {
  messageId: idsHeader('Message-ID'),
  inReplyTo: idsHeader('In-Reply-To'),
  references: idsHeader('References'),
  sender: addressHeader('Sender'),
  from: addressHeader('From'),
  to: addressHeader('To'),
  cc: addressHeader('Cc'),
  bcc: addressHeader('Bcc'),
  replyTo: addressHeader('Reply-To'),
  subject: (parsed) => {
    const raw = lastHeader(parsed.headers, 'Subject')
    return raw === undefined ? null : asText(raw)
  },
  sentAt: (parsed) => {
    const raw = lastHeader(parsed.headers, 'Date')
    return raw === undefined ? null : asDate(raw)
  },
}

function preview(parsed: ParsedMessage): string {
  const part = parsed.textBody[0] ?? parsed.htmlBody[0]
  if (part === undefined) return ''
  const text = part.type === 'text/html' ? partText(part).replace(/<[^>]*>/g, ' ') : partText(part)
  return text.replace(/\s+/g, ' ').trim().slice(0, 256)
}

function truncate(text: string, maxBytes: number): { value: string; isTruncated: boolean } {
  const bytes = new TextEncoder().encode(text)
  if (maxBytes <= 0 || bytes.length <= maxBytes) return { value: text, isTruncated: false }
  // Cut on a UTF-8 boundary: drop continuation bytes at the cut.
  let end = maxBytes
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1
  return { value: new TextDecoder().decode(bytes.slice(0, end)), isTruncated: true }
}

function leaves(part: MimePart): MimePart[] {
  return part.subParts === null ? [part] : part.subParts.flatMap(leaves)
}

function readBody(parsed: ParsedMessage, property: string, context: RecordContext): unknown {
  const properties = Array.isArray(context.args.bodyProperties)
    ? (context.args.bodyProperties as string[])
    : defaultBodyProperties
  const blobIdOf = (part: MimePart): string | null =>
    part.subParts === null ? context.account.blobs.add(part.content, part.type).id : null
  const json = (part: MimePart): JsonObject => bodyPartJson(part, properties, blobIdOf)
  switch (property) {
    case 'bodyStructure':
      return json(parsed.root)
    case 'textBody':
      return parsed.textBody.map(json)
    case 'htmlBody':
      return parsed.htmlBody.map(json)
    case 'attachments':
      return parsed.attachments.map(json)
    case 'hasAttachment':
      return parsed.attachments.some(
        (part) => part.disposition === 'attachment' || !part.type.startsWith('text/'),
      )
    case 'preview':
      return preview(parsed)
    default: {
      const wanted = new Set<MimePart>()
      if (context.args.fetchAllBodyValues === true) {
        for (const part of leaves(parsed.root)) if (part.type.startsWith('text/')) wanted.add(part)
      }
      if (context.args.fetchTextBodyValues === true)
        for (const part of parsed.textBody) wanted.add(part)
      if (context.args.fetchHTMLBodyValues === true)
        for (const part of parsed.htmlBody) wanted.add(part)
      const max =
        typeof context.args.maxBodyValueBytes === 'number' ? context.args.maxBodyValueBytes : 0
      const values: JsonObject = {}
      for (const part of wanted) {
        if (part.partId === null || !part.type.startsWith('text/')) continue
        values[part.partId] = { ...truncate(partText(part), max), isEncodingProblem: false }
      }
      return values
    }
  }
}

function textOf(parsed: ParsedMessage): string {
  return [...parsed.textBody, ...parsed.htmlBody].map(partText).join('\n')
}

function headerText(parsed: ParsedMessage, name: string): string {
  return asText(
    parsed.headers
      .filter((field) => field.name.toLowerCase() === name)
      .map((field) => field.value)
      .join(','),
  )
}

function keywordsOf(email: JsonObject): Record<string, unknown> {
  return isJsonObject(email.keywords) ? email.keywords : {}
}

function threadEmails(email: JsonObject, context: RecordContext): JsonObject[] {
  return context.account
    .store('Email')
    .all()
    .filter((other) => other.threadId === email.threadId)
}

function includes(haystack: string, needle: unknown): boolean {
  return typeof needle === 'string' && haystack.toLowerCase().includes(needle.toLowerCase())
}

function matchesCondition(
  email: JsonObject,
  condition: JsonObject,
  context: RecordContext,
): boolean {
  const parsed = parsedEmail(email, context)
  const mailboxIds = isJsonObject(email.mailboxIds) ? Object.keys(email.mailboxIds) : []
  const keywords = keywordsOf(email)
  const received = String(email.receivedAt)
  const checks: Record<string, (value: unknown) => boolean> = {
    inMailbox: (value) => mailboxIds.includes(String(value)),
    inMailboxOtherThan: (value) =>
      Array.isArray(value) && mailboxIds.some((id) => !value.includes(id)),
    before: (value) => received < String(value),
    after: (value) => received >= String(value),
    minSize: (value) => Number(email.size) >= Number(value),
    maxSize: (value) => Number(email.size) < Number(value),
    hasKeyword: (value) => keywords[String(value).toLowerCase()] === true,
    notKeyword: (value) => keywords[String(value).toLowerCase()] !== true,
    allInThreadHaveKeyword: (value) =>
      threadEmails(email, context).every((other) => keywordsOf(other)[String(value)] === true),
    someInThreadHaveKeyword: (value) =>
      threadEmails(email, context).some((other) => keywordsOf(other)[String(value)] === true),
    noneInThreadHaveKeyword: (value) =>
      !threadEmails(email, context).some((other) => keywordsOf(other)[String(value)] === true),
    hasAttachment: (value) => readBody(parsed, 'hasAttachment', context) === value,
    text: (value) =>
      ['from', 'to', 'cc', 'bcc', 'subject'].some((name) =>
        includes(headerText(parsed, name), value),
      ) || includes(textOf(parsed), value),
    from: (value) => includes(headerText(parsed, 'from'), value),
    to: (value) => includes(headerText(parsed, 'to'), value),
    cc: (value) => includes(headerText(parsed, 'cc'), value),
    bcc: (value) => includes(headerText(parsed, 'bcc'), value),
    subject: (value) => includes(headerText(parsed, 'subject'), value),
    body: (value) => includes(textOf(parsed), value),
    header: (value) => {
      if (!Array.isArray(value) || typeof value[0] !== 'string') return false
      const name = value[0].toLowerCase()
      const fields = parsed.headers.filter((field) => field.name.toLowerCase() === name)
      return value.length < 2
        ? fields.length > 0
        : fields.some((field) => includes(asText(field.value), value[1]))
    },
  }
  return Object.entries(condition).every(([property, value]) => checks[property]?.(value) ?? false)
}

function compareKeyword(scope: 'email' | 'all' | 'some') {
  return (
    a: JsonObject,
    b: JsonObject,
    comparator: SortComparator,
    context: RecordContext,
  ): number => {
    const keyword = String(comparator.raw.keyword ?? '')
    const has = (email: JsonObject): number => {
      if (scope === 'email') return Number(keywordsOf(email)[keyword] === true)
      const thread = threadEmails(email, context).map(
        (other) => keywordsOf(other)[keyword] === true,
      )
      return Number(scope === 'all' ? thread.every(Boolean) : thread.some(Boolean))
    }
    return has(a) - has(b)
  }
}

function compareHeader(read: (parsed: ParsedMessage) => unknown) {
  return (
    a: JsonObject,
    b: JsonObject,
    comparator: SortComparator,
    context: RecordContext,
  ): number => {
    const text = (email: JsonObject): string => {
      const value = read(parsedEmail(email, context))
      if (Array.isArray(value))
        return value
          .map((item: unknown) => (isJsonObject(item) ? String(item.name ?? item.email) : ''))
          .join(',')
      return typeof value === 'string' ? value : ''
    }
    return compareStrings(text(a), text(b), comparator.collation)
  }
}

/** Checks `mailboxIds` and `keywords` of an Email (shared by set, import and copy). */
export function invalidEmailMetadata(email: JsonObject, context: RecordContext): string[] {
  const invalid: string[] = []
  const mailboxes = context.account.store('Mailbox')
  const mailboxIds = email.mailboxIds
  if (
    !isJsonObject(mailboxIds) ||
    Object.keys(mailboxIds).length === 0 ||
    Object.entries(mailboxIds).some(([id, value]) => value !== true || !mailboxes.has(id))
  ) {
    invalid.push('mailboxIds')
  }
  const keywords = email.keywords
  if (
    !isJsonObject(keywords) ||
    Object.entries(keywords).some(
      ([keyword, value]) =>
        value !== true || !keywordPattern.test(keyword) || /[(){\]%*"\\]/.test(keyword),
    )
  ) {
    invalid.push('keywords')
  }
  return invalid
}

/** Lowercases keywords, as servers MUST return them (RFC 8621 §4.1.1). */
export function normaliseKeywords(keywords: unknown): JsonObject {
  return isJsonObject(keywords)
    ? Object.fromEntries(
        Object.entries(keywords).map(([keyword, value]) => [keyword.toLowerCase(), value]),
      )
    : {}
}

/**
 * Stores raw message bytes as an Email record (the common path of
 * Email/import, Email/set create and seeding); returns the record without id.
 */
export function emailRecordFromBytes(
  bytes: Uint8Array,
  meta: { mailboxIds: unknown; keywords: unknown; receivedAt: unknown },
  context: RecordContext,
): JsonObject {
  const blob = context.account.blobs.add(bytes, 'message/rfc822')
  const parsed = parseMessage(new TextDecoder().decode(bytes))
  return {
    blobId: blob.id,
    threadId: threadIdFor(parsed, context),
    mailboxIds: meta.mailboxIds,
    keywords: normaliseKeywords(meta.keywords),
    size: blob.data.length,
    receivedAt:
      typeof meta.receivedAt === 'string'
        ? meta.receivedAt
        : context.runtime
            .now()
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
  }
}

/**
 * The RFC 8621 Email type: stored as the raw message plus metadata; every
 * header and body property is computed from the parsed message on read.
 *
 * @see RFC 8621 §4
 */
export const emailType: DataType = {
  name: 'Email',
  capability: mailCapability,
  idPrefix: 'E',
  properties: [...metadata, 'headers', ...convenience, ...body],
  serverSet: ['blobId', 'threadId', 'size'],
  immutable: [...convenience, ...body, 'headers', 'receivedAt'],
  defaults: { keywords: {} },
  idReferences: { mailboxIds: 'idMap' },
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  defaultGetProperties: [...metadata, ...emailParseDefaultProperties],
  isDynamicProperty: (property) => parseHeaderProperty(property) !== undefined,
  extraArguments: {
    get: [
      'bodyProperties',
      'fetchTextBodyValues',
      'fetchHTMLBodyValues',
      'fetchAllBodyValues',
      'maxBodyValueBytes',
    ],
    query: ['collapseThreads'],
    queryChanges: ['collapseThreads'],
  },
  read(record, property, context) {
    if (metadata.includes(property)) return undefined
    const parsed = parsedEmail(record, context)
    if (property === 'headers') return parsed.headers
    const reader = convenienceReaders[property]
    if (reader !== undefined) return reader(parsed)
    const header = parseHeaderProperty(property)
    if (header !== undefined) return readHeaderProperty(parsed.headers, header)
    return readBody(parsed, property, context)
  },
  normalize: (record) =>
    isJsonObject(record.keywords)
      ? { ...record, keywords: normaliseKeywords(record.keywords) }
      : record,
  validate(record, context, previous) {
    const invalid = invalidEmailMetadata(record, context)
    if (previous === undefined && record.headers !== undefined) invalid.push('headers')
    return invalid
  },
  create(record, context) {
    const raw = buildMessage(
      record,
      context.account,
      context.runtime.newId('m'),
      context.runtime.now(),
    )
    return emailRecordFromBytes(
      new TextEncoder().encode(raw),
      { mailboxIds: record.mailboxIds, keywords: record.keywords, receivedAt: record.receivedAt },
      context,
    )
  },
  createdResponse: (stored) => ({
    id: stored.id,
    blobId: stored.blobId,
    threadId: stored.threadId,
    size: stored.size,
  }),
  afterChange: (change, context) =>
    afterEmailChange(change.kind, change.before, change.after, context),
  copyOverridable: ['mailboxIds', 'keywords', 'receivedAt'],
  copy(source, overrides, from, context) {
    const blob = from.blobs.get(String(source.blobId))
    return emailRecordFromBytes(
      blob?.data ?? new Uint8Array(),
      {
        mailboxIds: overrides.mailboxIds ?? source.mailboxIds,
        keywords: overrides.keywords ?? source.keywords,
        receivedAt: overrides.receivedAt ?? source.receivedAt,
      },
      context,
    )
  },
  findDuplicate(record, context) {
    const existing = context.account
      .store('Email')
      .all()
      .find((email) => email.blobId === record.blobId)
    return existing === undefined ? undefined : String(existing.id)
  },
  filterProperties: [
    'inMailbox',
    'inMailboxOtherThan',
    'before',
    'after',
    'minSize',
    'maxSize',
    'allInThreadHaveKeyword',
    'someInThreadHaveKeyword',
    'noneInThreadHaveKeyword',
    'hasKeyword',
    'notKeyword',
    'hasAttachment',
    'text',
    'from',
    'to',
    'cc',
    'bcc',
    'subject',
    'body',
    'header',
  ],
  matches: matchesCondition,
  comparators: {
    receivedAt: compareProperty('receivedAt'),
    size: compareProperty('size'),
    from: compareHeader(convenienceReaders.from as (parsed: ParsedMessage) => unknown),
    to: compareHeader(convenienceReaders.to as (parsed: ParsedMessage) => unknown),
    subject: compareHeader(convenienceReaders.subject as (parsed: ParsedMessage) => unknown),
    sentAt: compareHeader(convenienceReaders.sentAt as (parsed: ParsedMessage) => unknown),
    hasKeyword: compareKeyword('email'),
    allInThreadHaveKeyword: compareKeyword('all'),
    someInThreadHaveKeyword: compareKeyword('some'),
  },
  afterQuery(ids, context) {
    if (context.args.collapseThreads !== true) return ids
    const seenThreads = new Set<unknown>()
    const store = context.account.store('Email')
    return ids.filter((id) => {
      const threadId = store.peek(id)?.threadId
      if (seenThreads.has(threadId)) return false
      seenThreads.add(threadId)
      return true
    })
  },
}
