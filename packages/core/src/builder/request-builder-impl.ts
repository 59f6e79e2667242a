import { coreUrn } from '../capabilities/core.js'
import { type CreationId, creationIdReference } from '../creation-id/creation-id.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import { ResultReferenceValue } from '../result-reference/result-reference-argument.js'
import { CallHandleImpl } from './call-handle-impl.js'
import type { MethodEntry } from './method-table.js'
import { RequestBuildError } from './request-build-error.js'
import type { CallOptions } from './request-builder.js'

/** A call as it will be sent, with the arguments the user wrote. */
export interface BuiltCall {
  readonly callId: string
  readonly method: string
  readonly args: Readonly<Record<string, unknown>>
  readonly entry: MethodEntry
  /** The capabilities the call sends in `using` besides its method's (from its options). */
  readonly using: readonly string[]
}

/** The creation ids of a call: the keys of each argument its runtime says creates records. */
function creationIdsOf(args: Readonly<Record<string, unknown>>, entry: MethodEntry): Set<string> {
  const ids = new Set<string>()
  for (const name of entry.runtime.creates ?? ['create']) {
    const map = args[name]
    if (typeof map === 'object' && map !== null) for (const id of Object.keys(map)) ids.add(id)
  }
  return ids
}

/** The creation ids referred to (`#k1`) by the keys of a map or the items of an array. */
function creationReferencesIn(value: unknown): string[] {
  const candidates: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.keys(value)
      : []
  return candidates
    .filter((item): item is string => typeof item === 'string' && item.startsWith('#'))
    .map((item) => item.slice(1))
}

/**
 * The runtime of `RequestBuilder`: records calls in order, turns reference
 * arguments into `#name` arguments, and derives `using`.
 */
export class RequestBuilderImpl {
  readonly #methods: ReadonlyMap<string, MethodEntry>
  readonly #calls: BuiltCall[] = []
  readonly #pendingCreations = new Map<string, number>()

  constructor(methods: ReadonlyMap<string, MethodEntry>) {
    this.#methods = methods
  }

  call(
    method: string,
    args: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): CallHandleImpl {
    const callId = options?.callId ?? `c${this.#calls.length}`
    const entry = this.#methods.get(method)
    if (entry === undefined) {
      throw new RequestBuildError(
        `unknown method '${method}': no capability table of this client has it`,
        callId,
      )
    }
    if (this.#calls.some((call) => call.callId === callId)) {
      throw new RequestBuildError(`call id '${callId}' is used twice`, callId)
    }
    for (const [name, value] of Object.entries(args)) {
      if (value instanceof ResultReferenceValue && value.owner !== this) {
        throw new RequestBuildError(
          `argument '${name}' references call ${value.resultOf} of another request`,
          callId,
        )
      }
    }
    const creates = creationIdsOf(args, entry)
    if (entry.runtime.ownCreationReferences !== undefined) {
      // Records this call changes by reference (created by an earlier call) count too.
      const changed = new Set([
        ...creates,
        ...creationReferencesIn(args.update),
        ...creationReferencesIn(args.destroy),
      ])
      for (const name of entry.runtime.ownCreationReferences) {
        for (const reference of creationReferencesIn(args[name])) {
          if (!changed.has(reference)) {
            throw new RequestBuildError(
              `'${name}' refers to '#${reference}', which this ${method} call neither creates nor changes`,
              callId,
            )
          }
        }
      }
    }
    this.#calls.push({ callId, method, args, entry, using: options?.using ?? [] })
    return new CallHandleImpl(this, callId, method, creates)
  }

  creationId(creationId: string): CreationId {
    if (!this.#pendingCreations.has(creationId)) {
      this.#pendingCreations.set(creationId, this.#calls.length)
    }
    return creationIdReference(creationId)
  }

  /** The calls in the order they were made. */
  get calls(): readonly BuiltCall[] {
    return this.#calls
  }

  /** The JMAP request: `using` from the calls (core first), calls in order. */
  build(): JmapRequest {
    // A creation id may be used by the call that creates it or by a later one:
    // `position` is the index of the call being written when it was asked for.
    for (const [creationId, position] of this.#pendingCreations) {
      const made = this.#calls
        .slice(0, position + 1)
        .some((call) => creationIdsOf(call.args, call.entry).has(creationId))
      if (!made) throw new RequestBuildError(`no call in this request creates '${creationId}'`)
    }
    const using = new Set<string>([coreUrn])
    const methodCalls: Invocation[] = []
    for (const call of this.#calls) {
      using.add(call.entry.urn)
      for (const urn of [...call.entry.using, ...call.using]) using.add(urn)
      methodCalls.push([call.method, wireArguments(call.args), call.callId])
    }
    return { using: [...using], methodCalls }
  }
}

/**
 * The calls by data type of a request (`t.Email.get(args)` is
 * `b.call('Email/get', args)`): proxies, so nothing is built for the data
 * types a request does not use, and the call is the builder's own. Symbol
 * keys (`String(t.Email)`, `Symbol.iterator`, a test runner's inspection)
 * name no method: they read as absent instead of failing to build a name.
 */
export function methodCalls(builder: RequestBuilderImpl, type?: string): object {
  return new Proxy(
    {},
    {
      get: (_, name) =>
        typeof name === 'symbol'
          ? undefined
          : type
            ? builder.call.bind(builder, `${type}/${name}`)
            : methodCalls(builder, name),
    },
  )
}

/** The arguments as sent: references become `#name` entries, `undefined` values are left out. */
export function wireArguments(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const wire: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue
    if (value instanceof ResultReferenceValue) wire[`#${name}`] = value.toJSON()
    else wire[name] = value
  }
  return wire
}
