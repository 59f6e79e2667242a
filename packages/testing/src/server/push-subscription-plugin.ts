import { filterStateChange } from '../http/event-source-stream.js'
import { cloneJson, isJsonObject, type JsonObject } from '../json.js'
import {
  readObjectMap,
  readStringList,
  rejectUnknownArguments,
} from '../methods/method-arguments.js'
import { MethodError } from '../protocol/method-error.js'
import {
  invalidProperties,
  isRecordRejectedError,
  RecordRejectedError,
} from '../protocol/record-rejected-error.js'
import { coreCapability } from './core-plugin.js'
import type { ServerRuntime, StateChange, TestServerPlugin } from './server-runtime.js'

/** How the server POSTs to push URLs; tests pass a function that records the calls. */
export type PushFetch = (url: string, init: RequestInit) => Promise<unknown>

interface Subscription {
  id: string
  deviceClientId: string
  url: string
  expires: string
  types: string[] | null
  verificationCode: string | null
  /** The code sent in the PushVerification; pushes start once the client sets it. */
  readonly expectedCode: string
}

const maxLifetimeMs = 7 * 24 * 3600 * 1000
const readable = ['id', 'deviceClientId', 'verificationCode', 'expires', 'types']

/**
 * RFC 8620 wants `https://`; a plain `http://` URL is accepted only on
 * loopback, so tests can receive pushes on a local listener without TLS.
 */
function acceptablePushUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false
  const url = new URL(value)
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

function utcDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * PushSubscription (RFC 8620 §7.2): `/get` and `/set` without accounts or
 * state, the PushVerification POST on create, and StateChange POSTs once the
 * client has set the verification code. URLs are `https://`, or `http://` on
 * loopback (a test's own listener). Encrypted push (`keys`, RFC 8291) is
 * refused rather than sent in clear.
 *
 * @see RFC 8620 §7.2
 * @example ["PushSubscription/set", { "create": { "k1": { "deviceClientId": "d1", "url": "https://push.example/x", "types": ["Email"] } } }, "c0"]
 */
export function pushSubscriptionPlugin(
  runtime: ServerRuntime,
  pushFetch: PushFetch,
): TestServerPlugin {
  const subscriptions = new Map<string, Subscription>()
  const post = (url: string, body: JsonObject): void => {
    // A failing push endpoint must not fail the API request that caused the push.
    void pushFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ttl: '86400' },
      body: JSON.stringify(body),
    }).catch(() => undefined)
  }
  runtime.pushListeners.add((change: StateChange) => {
    const now = utcDate(runtime.now())
    for (const subscription of subscriptions.values()) {
      if (
        subscription.verificationCode !== subscription.expectedCode ||
        subscription.expires <= now
      )
        continue
      const kept = filterStateChange(
        change,
        subscription.types === null ? null : new Set(subscription.types),
      )
      if (kept !== null) post(subscription.url, { ...kept })
    }
  })
  const clampExpires = (value: unknown): string => {
    const max = runtime.now().getTime() + maxLifetimeMs
    const asked = typeof value === 'string' ? Date.parse(value) : Number.NaN
    return utcDate(new Date(Number.isNaN(asked) ? max : Math.min(asked, max)))
  }
  const checkTypes = (value: unknown): boolean =>
    value === null ||
    value === undefined ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))

  const create = (input: unknown): JsonObject => {
    if (!isJsonObject(input)) throw invalidProperties([])
    const unknown = Object.keys(input).filter(
      (key) =>
        !['deviceClientId', 'url', 'keys', 'verificationCode', 'expires', 'types'].includes(key),
    )
    if (unknown.length > 0) throw invalidProperties(unknown)
    const bad: string[] = []
    if (typeof input.deviceClientId !== 'string' || input.deviceClientId === '')
      bad.push('deviceClientId')
    if (!acceptablePushUrl(input.url)) bad.push('url')
    if (input.verificationCode !== undefined && input.verificationCode !== null)
      bad.push('verificationCode')
    if (!checkTypes(input.types)) bad.push('types')
    if (input.keys !== undefined && input.keys !== null) {
      throw invalidProperties(['keys'], 'the test server does not encrypt push messages (RFC 8291)')
    }
    if (bad.length > 0) throw invalidProperties(bad)
    const subscription: Subscription = {
      id: runtime.newId('P'),
      deviceClientId: input.deviceClientId as string,
      url: input.url as string,
      expires: clampExpires(input.expires),
      types: (input.types as string[] | null | undefined) ?? null,
      verificationCode: null,
      expectedCode: runtime.newId('code'),
    }
    subscriptions.set(subscription.id, subscription)
    post(subscription.url, {
      '@type': 'PushVerification',
      pushSubscriptionId: subscription.id,
      verificationCode: subscription.expectedCode,
    })
    const answer: JsonObject = { id: subscription.id, expires: subscription.expires }
    if (input.types === undefined) answer.types = null
    return answer
  }

  const update = (id: string, patch: unknown): JsonObject | null => {
    const subscription = subscriptions.get(id)
    if (subscription === undefined) throw new RecordRejectedError('notFound')
    if (!isJsonObject(patch)) throw new RecordRejectedError('invalidPatch')
    const immutable = Object.keys(patch).filter(
      (key) => !['verificationCode', 'expires', 'types'].includes(key),
    )
    if (immutable.length > 0)
      throw invalidProperties(immutable, 'only verificationCode, expires and types can change')
    if ('verificationCode' in patch && patch.verificationCode !== subscription.expectedCode) {
      throw invalidProperties(['verificationCode'], 'the verification code does not match')
    }
    if ('types' in patch && !checkTypes(patch.types)) throw invalidProperties(['types'])
    if ('verificationCode' in patch)
      subscription.verificationCode = patch.verificationCode as string
    if ('types' in patch) subscription.types = (patch.types as string[] | null) ?? null
    if ('expires' in patch) {
      const expires = clampExpires(patch.expires)
      const changed = expires !== patch.expires
      subscription.expires = expires
      if (changed) return { expires }
    }
    return null
  }

  return {
    name: 'push-subscription',
    capabilities: {},
    methods: {
      'PushSubscription/get': {
        capability: coreCapability,
        handler: (args) => {
          rejectUnknownArguments(args, ['ids', 'properties'])
          const properties = readStringList(args, 'properties')
          if (properties?.some((property) => property === 'url' || property === 'keys')) {
            throw new MethodError('forbidden', 'url and keys are never returned')
          }
          const unknown = (properties ?? []).filter((property) => !readable.includes(property))
          if (unknown.length > 0)
            throw new MethodError('invalidArguments', `unknown properties: ${unknown.join(', ')}`)
          const ids = readStringList(args, 'ids')
          const wanted = properties ?? readable
          const list: JsonObject[] = []
          const notFound: string[] = []
          for (const id of ids === null ? [...subscriptions.keys()] : [...new Set(ids)]) {
            const subscription = subscriptions.get(id)
            if (subscription === undefined) {
              notFound.push(id)
              continue
            }
            const record = subscription as unknown as JsonObject
            list.push(
              Object.fromEntries(
                ['id', ...wanted.filter((p) => p !== 'id')].map((p) => [p, cloneJson(record[p])]),
              ),
            )
          }
          return [['PushSubscription/get', { list, notFound }]]
        },
      },
      'PushSubscription/set': {
        capability: coreCapability,
        handler: (args, context) => {
          rejectUnknownArguments(args, ['create', 'update', 'destroy'])
          const creates = readObjectMap(args, 'create') ?? {}
          const updates = readObjectMap(args, 'update') ?? {}
          const destroys = readStringList(args, 'destroy') ?? []
          if (
            Object.keys(creates).length + Object.keys(updates).length + destroys.length >
            runtime.limits.maxObjectsInSet
          ) {
            throw new MethodError('requestTooLarge')
          }
          const result: Record<string, JsonObject> = {
            created: {},
            notCreated: {},
            updated: {},
            notUpdated: {},
            notDestroyed: {},
          }
          const destroyed: string[] = []
          const attempt = (
            bucket: string,
            failedBucket: string,
            key: string,
            run: () => unknown,
          ): void => {
            try {
              const value = run()
              if (bucket !== '') (result[bucket] as JsonObject)[key] = value
            } catch (error) {
              if (!isRecordRejectedError(error)) throw error
              ;(result[failedBucket] as JsonObject)[key] = error.toJSON()
            }
          }
          for (const [cid, input] of Object.entries(creates)) {
            attempt('created', 'notCreated', cid, () => {
              const answer = create(input)
              context.createdIds.set(cid, answer.id as string)
              return answer
            })
          }
          for (const [key, patch] of Object.entries(updates)) {
            const id = key.startsWith('#') ? (context.createdIds.get(key.slice(1)) ?? key) : key
            attempt('updated', 'notUpdated', id, () => update(id, patch))
          }
          for (const id of destroys) {
            attempt('', 'notDestroyed', id, () => {
              if (!subscriptions.delete(id)) throw new RecordRejectedError('notFound')
              destroyed.push(id)
            })
          }
          const orNull = (map: JsonObject | undefined): JsonObject | null =>
            map !== undefined && Object.keys(map).length > 0 ? map : null
          return [
            [
              'PushSubscription/set',
              {
                created: orNull(result.created),
                updated: orNull(result.updated),
                destroyed: destroyed.length > 0 ? destroyed : null,
                notCreated: orNull(result.notCreated),
                notUpdated: orNull(result.notUpdated),
                notDestroyed: orNull(result.notDestroyed),
              },
            ],
          ]
        },
      },
    },
  }
}
