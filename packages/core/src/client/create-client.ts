import type { Responses, SettledResults } from '../builder/call-result.js'
import type { ArgumentsInput, CheckedArguments } from '../builder/check-arguments.js'
import { decodeResponses, mapHandles, resultOf } from '../builder/decode-responses.js'
import type { JmapTypeError } from '../builder/jmap-type-error.js'
import type { MethodCalls } from '../builder/method-calls.js'
import { type CapabilityTables, methodTable } from '../builder/method-table.js'
import type { CallResponse, CheckedMethod, RequestBuilder } from '../builder/request-builder.js'
import { methodCalls, RequestBuilderImpl } from '../builder/request-builder-impl.js'
import { type CoreMethods, core } from '../capabilities/core.js'
import {
  type ConnectionOptions,
  createConnection,
  type JmapConnection,
} from '../connection/connection.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import { MethodCallError } from '../method-errors/method-call-error.js'
import type { MethodError } from '../method-errors/method-error.js'
import type { JmapRequest } from '../protocol/request.js'
import type { Methods } from '../registry/methods.js'
import type { TypedSession } from '../registry/typed-session.js'
import type { Session } from '../session/session.js'
import { checkSessionCapabilities } from './check-session-capabilities.js'

/** The capability tables of `TTables`, nested arrays flattened. */
type TableOf<TTables extends CapabilityTables> = TTables[number] extends infer TEntry
  ? TEntry extends readonly (infer TTable)[]
    ? TTable
    : TEntry
  : never

/** The witnesses a table declares (its `'~methods'` phantom). */
type WitnessesOf<TTable> = TTable extends { readonly '~methods'?: infer TMethods }
  ? NonNullable<TMethods>
  : never

/**
 * The methods a client created with `TTables` can call: core's and those of
 * every table.
 */
export type AvailableMethods<TTables extends CapabilityTables> =
  | (keyof CoreMethods & string)
  | MethodNamesOf<TableOf<TTables>>

// Distributes over the union of tables: `keyof` of a union would keep only the method names
// every table shares, i.e. none.
type MethodNamesOf<TTable> = TTable extends unknown ? keyof WitnessesOf<TTable> & string : never

type Identical<TLeft, TRight> = [TLeft] extends [TRight]
  ? [TRight] extends [TLeft]
    ? true
    : false
  : false

/**
 * Method names a table declares differently from the merged registry: another
 * package registered the same name with another witness. Computed in the
 * user's `createClient` call, so it is seen even with `skipLibCheck`.
 */
type ConflictsOf<TTable> = TTable extends unknown
  ? {
      [TMethod in keyof WitnessesOf<TTable>]: TMethod extends keyof Methods
        ? Identical<Methods[TMethod], WitnessesOf<TTable>[TMethod]> extends true
          ? never
          : TMethod
        : never
    }[keyof WitnessesOf<TTable>]
  : never

/**
 * Nothing when the tables agree with the registry; otherwise a required
 * member whose name is the message, so the error at `createClient` reads
 * "Property 'method 'X/get' is registered differently by two packages…' is
 * missing" (a member named by the message survives error truncation).
 */
export type RegistryConflictCheck<TTables extends CapabilityTables> = [
  ConflictsOf<TableOf<TTables>>,
] extends [never]
  ? unknown
  : {
      readonly [TMessage in `method '${ConflictsOf<TableOf<TTables>> & string}' is registered differently by two packages; install versions that agree`]: JmapTypeError<TMessage>
    }

/**
 * Options of {@link createClient}: the connection options, the capability
 * tables to support, and optionally an existing connection.
 *
 * @see RFC 8620 §2
 * @example { sessionUrl: 'https://jmap.example/jmap/session', auth: { bearer: token }, capabilities: [mail] }
 */
export interface ClientOptions<TTables extends CapabilityTables> extends ConnectionOptions {
  /**
   * The capability tables this client can call (core is always included).
   * `undefined` is accepted like an absent member, so options can be forwarded.
   */
  readonly capabilities?: TTables | undefined
  /** An existing connection to send through, instead of one made from these options. */
  readonly connection?: JmapConnection | undefined
}

/**
 * Options of one request.
 *
 * @see RFC 8620 §3.3
 */
export interface RequestOptions {
  /** Aborts the HTTP request. */
  readonly signal?: AbortSignal
}

/**
 * Options of one {@link JmapClient.call}.
 *
 * @see RFC 8620 §3.3
 * @example { signal: AbortSignal.timeout(5000), using: ['urn:ietf:params:jmap:calendars:parse'] }
 */
export interface SingleCallOptions {
  /**
   * Stops waiting for this call. Before the shared request is sent the call
   * is left out of it; after, the request goes on for the other calls.
   */
  readonly signal?: AbortSignal
  /** Capability URNs this call needs in `using` besides its method's own. */
  readonly using?: readonly string[]
}

/**
 * The scope of a single call: no handle exists in it, so its arguments can
 * hold no result reference (a reference needs an earlier call of the same
 * request; use `request` for that).
 */
declare const singleCallScope: unique symbol
type SingleCallScope = typeof singleCallScope

/**
 * The builder callback: it is generic in `TScope`, which makes the handles of
 * one request unusable in another. It gets the builder twice: as a
 * {@link RequestBuilder} (`b.call('Email/get', args)`) and as the calls by
 * data type (`t.Email.get(args)`, {@link MethodCalls}), the same request.
 *
 * Why a second parameter and not `b.Email`: the data types are computed from
 * the registry when first used (about 1,600 instantiations once per program),
 * and a program that only uses `call` should not pay for them.
 *
 * @example jmap.request((b, t) => t.Email.get({ accountId, ids, properties: ['subject'] }))
 */
export type BuildRequest<TAvailable extends string, TResult> = <TScope>(
  builder: RequestBuilder<TScope, TAvailable>,
  calls: MethodCalls<TScope, TAvailable>,
) => TResult

/**
 * A typed JMAP client: builds requests whose calls, references and responses
 * are checked by the compiler, sends them, and validates every response.
 *
 * @see RFC 8620 §3
 * @example
 * const { emails } = await jmap.request((b) => {
 *   const found = b.call('Email/query', { accountId, limit: 20 })
 *   return { emails: b.call('Email/get', { accountId, ids: found.ref('/ids'), properties: ['subject'] }) }
 * })
 */
export interface JmapClient<TAvailable extends string> {
  /** The connection requests go through (session, blobs, push). */
  readonly connection: JmapConnection
  /**
   * The session, fetched once and cached, with capabilities typed from the
   * registry (and checked against the schemas of the client's tables).
   *
   * @see RFC 8620 §2
   */
  session(): Promise<TypedSession>
  /**
   * Builds and sends one request; resolves with the response of each returned
   * handle. Throws a `MethodCallError` (with every result attached) when a
   * call answers with a method error.
   *
   * @see RFC 8620 §3.3
   */
  request<TResult>(
    build: BuildRequest<TAvailable, TResult>,
    options?: RequestOptions,
  ): Promise<Responses<TResult>>
  /**
   * Builds and sends one request; resolves with a result per returned handle:
   * `{ ok: true, response }` or `{ ok: false, error }` (method errors as data).
   *
   * @see RFC 8620 §3.3, §3.6.2
   */
  requestSettled<TResult>(
    build: BuildRequest<TAvailable, TResult>,
    options?: RequestOptions,
  ): Promise<SettledResults<TResult>>
  /**
   * Sends one method call and resolves with its validated response, typed
   * like the same call in `request`. Calls made in the same tick (by any part
   * of the program) are joined into one HTTP request, split by the session's
   * `maxCallsInRequest` (the connection's auto-batcher). Throws a
   * `MethodCallError` when the call answers with a method error.
   *
   * @see RFC 8620 §3.3
   * @example
   * const [mailboxes, identities] = await Promise.all([
   *   jmap.call('Mailbox/get', { accountId, ids: null }),
   *   jmap.call('Identity/get', { accountId, ids: null }),
   * ]) // one HTTP request with two method calls
   */
  call<TMethod extends TAvailable | (string & {}), const TArgs extends ArgumentsInput<TMethod>>(
    method: CheckedMethod<TMethod, TAvailable>,
    args: TArgs & NoInfer<CheckedArguments<SingleCallScope, TMethod, TArgs>>,
    options?: SingleCallOptions,
  ): Promise<CallResponse<TMethod, TArgs>>
  /**
   * Builds a request without sending it: the exact JSON body. (Generic in
   * `TResult` so that each callback gets its own `TScope`.)
   *
   * @see RFC 8620 §3.3
   * @example jmap.prepare((b) => b.call('Core/echo', { hello: true })) // { using: [...], methodCalls: [...] }
   */
  prepare<TResult>(build: BuildRequest<TAvailable, TResult>): JmapRequest
}

class Client implements JmapClient<string> {
  readonly connection: JmapConnection
  readonly #methods: ReturnType<typeof methodTable>
  readonly #tables: CapabilityTables
  readonly #validate: boolean
  readonly #checked = new WeakSet<Session>()

  constructor(connection: JmapConnection, tables: CapabilityTables, validate: boolean) {
    this.connection = connection
    this.#tables = tables
    this.#methods = methodTable([core, ...tables])
    this.#validate = validate
  }

  async session(): Promise<TypedSession> {
    const session = await this.connection.session()
    if (!this.#validate || this.#checked.has(session)) return session as TypedSession
    const checked = checkSessionCapabilities(session, this.#tables, session.apiUrl)
    this.#checked.add(session)
    return checked
  }

  prepare(build: BuildRequest<string, unknown>): JmapRequest {
    const builder = new RequestBuilderImpl(this.#methods)
    build(
      builder as unknown as RequestBuilder<unknown, string>,
      methodCalls(builder) as MethodCalls<unknown, string>,
    )
    return builder.build()
  }

  async #send(build: BuildRequest<string, unknown>, options: RequestOptions | undefined) {
    const builder = new RequestBuilderImpl(this.#methods)
    const returned = build(
      builder as unknown as RequestBuilder<unknown, string>,
      methodCalls(builder) as MethodCalls<unknown, string>,
    )
    const request = builder.build()
    const response = await this.connection.send(
      request,
      options?.signal ? { signal: options.signal } : {},
    )
    const url = (await this.connection.session()).apiUrl
    const byCallId = await decodeResponses(response, builder.calls, this.#methods, {
      validate: this.#validate,
      url,
    })
    const settled = mapHandles(returned, (handle) => resultOf(handle, byCallId, url))
    return { builder, byCallId, returned, settled, response, url }
  }

  async call(method: string, args: object, options: SingleCallOptions = {}): Promise<never> {
    const builder = new RequestBuilderImpl(this.#methods)
    builder.call(
      method,
      args as Readonly<Record<string, unknown>>,
      options.using === undefined ? undefined : { using: options.using },
    )
    const request = builder.build()
    const [built] = builder.calls
    const [invocation] = request.methodCalls
    if (built === undefined || invocation === undefined) throw new Error('unreachable: one call')
    const answers = await this.connection.enqueue(
      { name: invocation[0], args: invocation[1], using: request.using },
      options.signal === undefined ? {} : { signal: options.signal },
    )
    const url = (await this.connection.session()).apiUrl
    // The batcher numbers calls by their place in the shared request; the
    // builder's call id is put back so validation names this call.
    const methodResponses = answers.map(
      ([name, answer]) => [name, answer, built.callId] as [string, Record<string, unknown>, string],
    )
    const byCallId = await decodeResponses(
      { methodResponses, sessionState: '' },
      builder.calls,
      this.#methods,
      { validate: this.#validate, url },
    )
    const first = byCallId.get(built.callId)?.[0]
    if (first === undefined) {
      throw new ResponseValidationError('the server sent no response for this call', {
        url,
        path: 'methodResponses',
        methodName: method,
        callId: built.callId,
      })
    }
    if (first[0] === 'error') {
      const error = first[1] as unknown as MethodError
      throw new MethodCallError({
        error,
        method,
        callId: built.callId,
        results: { ok: false, method, callId: built.callId, error, responses: methodResponses },
        responses: methodResponses,
      })
    }
    return first[1] as never
  }

  async requestSettled(
    build: BuildRequest<string, unknown>,
    options?: RequestOptions,
  ): Promise<never> {
    return (await this.#send(build, options)).settled as never
  }

  async request(build: BuildRequest<string, unknown>, options?: RequestOptions): Promise<never> {
    const { builder, byCallId, returned, settled, response, url } = await this.#send(build, options)
    for (const call of builder.calls) {
      const first = byCallId.get(call.callId)?.[0]
      if (first?.[0] === 'error') {
        throw new MethodCallError({
          error: first[1] as never,
          method: call.method,
          callId: call.callId,
          results: settled,
          responses: response.methodResponses,
        })
      }
    }
    return mapHandles(returned, (handle) => {
      const result = resultOf(handle, byCallId, url)
      return result.ok ? result.response : undefined
    }) as never
  }
}

/**
 * Creates a typed JMAP client for the capabilities given (core is always
 * included). A call of a method whose table is not given does not compile.
 *
 * @see RFC 8620 §2, §3
 * @example
 * import { createClient } from '@typed-jmap/core'
 * import { mail } from '@typed-jmap/mail'
 * const jmap = createClient({ sessionUrl, auth: { bearer: token }, capabilities: [mail] })
 */
export function createClient<const TTables extends CapabilityTables = []>(
  options: ClientOptions<TTables> & RegistryConflictCheck<TTables>,
): JmapClient<AvailableMethods<TTables>> {
  const connection = options.connection ?? createConnection(options)
  const tables = (options.capabilities ?? []) as CapabilityTables
  // The implementation takes plain strings and objects; the interface is what checks them.
  return new Client(connection, tables, options.validate ?? true) as unknown as JmapClient<
    AvailableMethods<TTables>
  >
}
