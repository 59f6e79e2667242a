import { sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { decodeBase64, encodeBase64 } from '../http/base64.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { resolveCreationId } from '../methods/creation-id.js'
import {
  readObjectMap,
  readStringList,
  readUnsignedInt,
  rejectUnknownArguments,
} from '../methods/method-arguments.js'
import { MethodError } from '../protocol/method-error.js'
import { invalidProperties, RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { TestServerPlugin } from '../server/server-runtime.js'
import type { AccountData } from '../store/account-data.js'

/** The URN of RFC 9404. */
export const blobCapability = 'urn:ietf:params:jmap:blob'

const maxSizeBlobSet = 4_000_000
const maxDataSources = 64
/** RFC 9404 names digests after the HTTP Digest registry; node's names differ. */
// Synchronous, browser-safe hashes: method handlers are synchronous and the server also runs in
// browsers, where node:crypto is absent and Web Crypto's digest is asynchronous.
const digestAlgorithms: Readonly<Record<string, (bytes: Uint8Array) => Uint8Array>> = {
  sha: sha1,
  'sha-256': sha256,
}
const supportedTypeNames = ['Email', 'Mailbox', 'Thread']

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function utf8OrNull(octets: Uint8Array): string | null {
  try {
    return strictUtf8.decode(octets)
  } catch {
    return null
  }
}

/** The octets of one DataSourceObject, or the SetError that refuses the creation. */
function sourceOctets(
  source: unknown,
  account: AccountData,
  createdIds: ReadonlyMap<string, string>,
): Uint8Array {
  if (!isJsonObject(source)) throw invalidProperties(['data'], 'a data source must be an object')
  const keys = Object.keys(source)
  if (keys.length === 1 && typeof source['data:asText'] === 'string') {
    // A JS string with a lone surrogate has no UTF-8 form: RFC 9404 wants a refusal.
    const text = source['data:asText']
    if (new TextDecoder().decode(new TextEncoder().encode(text)) !== text)
      throw invalidProperties(['data'], 'data:asText is not valid UTF-8')
    return new TextEncoder().encode(text)
  }
  if (keys.length === 1 && typeof source['data:asBase64'] === 'string') {
    // atob decodes leniently; only canonical padded base64 survives the round trip.
    const octets = decodeBase64(source['data:asBase64'])
    if (octets === undefined || encodeBase64(octets) !== source['data:asBase64'])
      throw invalidProperties(['data'], 'data:asBase64 is not valid base64')
    return octets
  }
  if (
    typeof source.blobId === 'string' &&
    keys.every((key) => ['blobId', 'offset', 'length'].includes(key))
  ) {
    const id = String(resolveCreationId(source.blobId, createdIds))
    const blob = account.blobs.get(id)
    if (blob === undefined)
      throw new RecordRejectedError('blobNotFound', undefined, { notFound: [id] })
    const offset = source.offset ?? 0
    const length = source.length ?? blob.data.length - Number(offset)
    if (
      typeof offset !== 'number' ||
      typeof length !== 'number' ||
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > blob.data.length
    ) {
      throw invalidProperties(['data'], `range ${offset}+${length} is outside blob ${id}`)
    }
    return blob.data.subarray(offset, offset + length)
  }
  throw invalidProperties(['data'], 'exactly one of data:asText, data:asBase64 or blobId')
}

function upload(
  input: unknown,
  account: AccountData,
  createdIds: ReadonlyMap<string, string>,
): JsonObject {
  if (!isJsonObject(input) || !Array.isArray(input.data)) throw invalidProperties(['data'])
  const unknown = Object.keys(input).filter((key) => key !== 'data' && key !== 'type')
  if (unknown.length > 0) throw invalidProperties(unknown)
  if (input.type !== undefined && input.type !== null && typeof input.type !== 'string')
    throw invalidProperties(['type'])
  if (input.data.length > maxDataSources)
    throw new RecordRejectedError('tooManyDataSources', `at most ${maxDataSources} sources`)
  const parts = input.data.map((source) => sourceOctets(source, account, createdIds))
  const size = parts.reduce((total, part) => total + part.length, 0)
  if (size > maxSizeBlobSet) throw new RecordRejectedError('tooLarge')
  const octets = new Uint8Array(size)
  let at = 0
  for (const part of parts) {
    octets.set(part, at)
    at += part.length
  }
  const type = typeof input.type === 'string' ? input.type : 'application/octet-stream'
  const blob = account.blobs.add(octets, type)
  return { id: blob.id, type, size }
}

function readBlob(
  octets: Uint8Array,
  properties: readonly string[],
  offset: number,
  length: number | null,
): JsonObject {
  const end = length === null ? octets.length : offset + length
  const selected = octets.subarray(Math.min(offset, octets.length), Math.min(end, octets.length))
  const answer: JsonObject = {}
  if (offset > octets.length || (length !== null && end > octets.length)) answer.isTruncated = true
  const text = utf8OrNull(selected)
  const asBase64 = (): string => encodeBase64(selected)
  for (const property of properties) {
    if (property === 'size') answer.size = octets.length
    else if (property === 'data:asBase64') answer['data:asBase64'] = asBase64()
    else if (property === 'data:asText' || property === 'data') {
      if (text !== null) answer['data:asText'] = text
      else {
        answer.isEncodingProblem = true
        if (property === 'data') answer['data:asBase64'] = asBase64()
        else answer['data:asText'] = null
      }
    } else {
      const algorithm = digestAlgorithms[property.slice('digest:'.length)]
      if (algorithm !== undefined) answer[property] = encodeBase64(algorithm(selected))
    }
  }
  return answer
}

function checkBlobProperties(properties: readonly string[]): void {
  const bad = properties.filter(
    (property) =>
      !['data', 'data:asText', 'data:asBase64', 'size'].includes(property) &&
      !(property.startsWith('digest:') && property.slice(7) in digestAlgorithms),
  )
  if (bad.length > 0)
    throw new MethodError('invalidArguments', `unknown properties: ${bad.join(', ')}`)
}

/** The ids of `typeName` records that reference `blobId` (an Email through its message blob). */
function referencing(account: AccountData, typeName: string, blobId: string): string[] {
  const emails = account
    .store('Email')
    .all()
    .filter((email) => email.blobId === blobId)
  if (typeName === 'Email') return emails.map((email) => String(email.id))
  if (typeName === 'Thread') return [...new Set(emails.map((email) => String(email.threadId)))]
  const mailboxes = emails.flatMap((email) =>
    isJsonObject(email.mailboxIds) ? Object.keys(email.mailboxIds) : [],
  )
  return [...new Set(mailboxes)]
}

/**
 * Blob management (RFC 9404): `Blob/upload` from text, base64 and ranges of
 * other blobs (`#creationId` included), `Blob/get` with ranges, `data`
 * forms, `digest:sha`/`digest:sha-256`, `isEncodingProblem` and
 * `isTruncated`, and `Blob/lookup` for Email, Mailbox and Thread. Lookup sees
 * an Email's message blob only, not the blobs of its body parts; a blob that
 * nothing references gets empty lists.
 *
 * @see RFC 9404
 * @example createTestServer({ plugins: [...standardPlugins, blobPlugin] })
 */
export const blobPlugin: TestServerPlugin = {
  name: 'blob',
  capabilities: {
    [blobCapability]: {
      session: {},
      account: {
        maxSizeBlobSet,
        maxDataSources,
        supportedTypeNames,
        supportedDigestAlgorithms: Object.keys(digestAlgorithms),
      },
    },
  },
  methods: {
    'Blob/upload': {
      capability: blobCapability,
      handler: (args, context) => {
        rejectUnknownArguments(args, ['accountId', 'create'])
        const account = context.account(args.accountId, blobCapability)
        const created: JsonObject = {}
        const notCreated: JsonObject = {}
        for (const [creationId, input] of Object.entries(readObjectMap(args, 'create') ?? {})) {
          try {
            const blob = upload(input, account, context.createdIds)
            created[creationId] = blob
            context.createdIds.set(creationId, String(blob.id))
          } catch (error) {
            if (!(error instanceof RecordRejectedError)) throw error
            notCreated[creationId] = error.toJSON()
          }
        }
        const orNull = (map: JsonObject): JsonObject | null =>
          Object.keys(map).length > 0 ? map : null
        return [
          [
            'Blob/upload',
            { accountId: account.id, created: orNull(created), notCreated: orNull(notCreated) },
          ],
        ]
      },
    },
    'Blob/get': {
      capability: blobCapability,
      handler: (args, context) => {
        rejectUnknownArguments(args, ['accountId', 'ids', 'properties', 'offset', 'length'])
        const account = context.account(args.accountId, blobCapability)
        const ids = readStringList(args, 'ids')
        if (ids === null) throw new MethodError('invalidArguments', 'ids is required for blobs')
        const properties = readStringList(args, 'properties') ?? ['data', 'size']
        checkBlobProperties(properties)
        const offset = readUnsignedInt(args, 'offset') ?? 0
        const length = readUnsignedInt(args, 'length')
        const list: JsonObject[] = []
        const notFound: string[] = []
        for (const written of ids) {
          const id = String(resolveCreationId(written, context.createdIds))
          const blob = account.blobs.get(id)
          if (blob === undefined) notFound.push(id)
          else list.push({ id, ...readBlob(blob.data, properties, offset, length) })
        }
        return [['Blob/get', { accountId: account.id, list, notFound }]]
      },
    },
    'Blob/lookup': {
      capability: blobCapability,
      handler: (args, context) => {
        rejectUnknownArguments(args, ['accountId', 'typeNames', 'ids'])
        const account = context.account(args.accountId, blobCapability)
        const typeNames = readStringList(args, 'typeNames') ?? []
        const unknown = typeNames.filter((name) => !supportedTypeNames.includes(name))
        // Email, Mailbox and Thread belong to mail, which must be in `using` too.
        if (unknown.length > 0)
          throw new MethodError('unknownDataType', `cannot look up ${unknown.join(', ')}`)
        if (typeNames.length > 0 && !context.using.has('urn:ietf:params:jmap:mail'))
          throw new MethodError('unknownDataType', `${typeNames.join(', ')} need mail in using`)
        const ids = (readStringList(args, 'ids') ?? []).map((written) =>
          String(resolveCreationId(written, context.createdIds)),
        )
        const list = ids.map((id) => ({
          id,
          matchedIds: Object.fromEntries(
            typeNames.map((name) => [name, referencing(account, name, id)]),
          ),
        }))
        return [['Blob/lookup', { accountId: account.id, list, notFound: [] }]]
      },
    },
  },
}
