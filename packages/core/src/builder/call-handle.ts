import type { CreationId } from '../creation-id/creation-id.js'
import type { MethodName, ResponseOf } from '../registry/methods.js'
import type { InvalidPath, ResolvePath } from '../result-reference/resolve-path.js'
import type { ResultReferenceArgument } from '../result-reference/result-reference-argument.js'
import type { JmapTypeError } from './jmap-type-error.js'

/** The item type of an array-valued response member, when items are objects. */
type ObjectItemOf<TValue> =
  NonNullable<TValue> extends readonly (infer TItem)[]
    ? NonNullable<TItem> extends object
      ? NonNullable<TItem>
      : never
    : never

/**
 * The paths an editor offers while a `ref('…')` path is being typed: every
 * member (`/ids`) and every member of the items of an array (`/list/*​/threadId`).
 * Only computed for completion, when the path is not yet a literal.
 */
type SuggestedPath<TResponse> = {
  [TKey in keyof TResponse & string]:
    | `/${TKey}`
    | `/${TKey}/*/${keyof ObjectItemOf<TResponse[TKey]> & string}`
}[keyof TResponse & string]

/**
 * A path argument of `ref`: the path itself when it exists in the response,
 * otherwise a message naming the first segment that does not (or saying that
 * a JSON Pointer starts with '/').
 *
 * @see RFC 8620 §3.7, RFC 6901
 */
export type CheckedPath<
  TResponse,
  TMethod extends string,
  TPath extends string,
> = string extends TPath
  ? SuggestedPath<TResponse>
  : TPath extends '' | `/${string}`
    ? CheckedExistingPath<TResponse, TMethod, TPath>
    : JmapTypeError<`'${TPath}' is not a result path of ${TMethod}: a path starts with '/' ('/${TPath}')`>

/** A path that starts with '/': itself when it exists, else a message naming the missing segment. */
type CheckedExistingPath<TResponse, TMethod extends string, TPath extends string> =
  ResolvePath<TResponse, TPath> extends InvalidPath<infer TSegment>
    ? JmapTypeError<`'${TPath}' is not a result path of ${TMethod}: no '${TSegment}'`>
    : TPath

/**
 * A creation id argument of `created`: the id when the call creates it,
 * otherwise a message saying so.
 */
export type CheckedCreationId<
  TCreationIds extends string,
  TMethod extends string,
  TCreationId extends string,
> = TCreationId extends TCreationIds
  ? TCreationId
  : JmapTypeError<`this ${TMethod} call creates no '${TCreationId}'`>

/**
 * The phantom types of a call handle, read by indexed access (`['~types']`).
 */
export interface CallTypes<out TMethod extends string, out TResponse> {
  readonly method: TMethod
  readonly response: TResponse
}

/**
 * One method call in a request being built. Use it to reference the call's
 * result in later calls (`ref`), to refer to records it creates (`created`),
 * and return it from the builder callback to get its response.
 *
 * Why it carries the call's creation ids and not its arguments: arguments
 * hold references typed by the request's `TScope`, and a handle type that
 * depended on them would be invariant in `TScope`, so returning it from the
 * (generic) builder callback would not type-check on TypeScript 5.9.
 *
 * @see RFC 8620 §3.2
 * @example const found = b.call('Email/query', { accountId }); found.ref('/ids')
 */
export interface CallHandle<
  out TScope,
  out TMethod extends string,
  TCreationIds extends string,
  TResponse,
> {
  /** The method call id sent on the wire (`c0`, `c1`, …). */
  readonly callId: string
  /** The method name. */
  readonly method: TMethod
  /**
   * A result reference to this call's response at a JSON Pointer (with `*`),
   * typed by the value it selects.
   *
   * @see RFC 8620 §3.7
   * @example b.call('Email/get', { accountId, ids: found.ref('/ids') }) // "#ids": { "resultOf": "c0", "name": "Email/query", "path": "/ids" }
   */
  ref<const TPath extends string>(
    path: CheckedPath<TResponse, TMethod, TPath>,
  ): ResultReferenceArgument<TScope, ResolvePath<TResponse, TPath>, TMethod, TPath>
  /**
   * A `#creationId` reference to a record this call creates, for any Id
   * position of a later call (or a map key: `{ [mb.created('k1')]: true }`).
   *
   * @see RFC 8620 §5.3
   * @example b.call('Email/set', { accountId, create: { e1: { mailboxIds: { [mb.created('k1')]: true } } } })
   */
  created<const TCreationId extends string>(
    creationId: CheckedCreationId<TCreationIds, TMethod, TCreationId>,
  ): CreationId<TCreationId>
  /**
   * A handle for a response the server adds under this call's id (the
   * `Email/set` after `EmailSubmission/set` with `onSuccessUpdateEmail`); it
   * resolves to `undefined` when the server sends none.
   *
   * @see RFC 8620 §5.4, RFC 8621 §7.5
   * @example const emailSet = submission.implicit('Email/set')
   */
  implicit<TImplicit extends MethodName>(method: TImplicit): ImplicitCallHandle<TImplicit>
  /** Phantom: method and response types. */
  readonly '~types': CallTypes<TMethod, TResponse>
}

/**
 * A response that comes back under another call's id, without a call of its own.
 *
 * @see RFC 8620 §3.4
 */
export interface ImplicitCallHandle<out TMethod extends MethodName> {
  /** The call id it is sent under. */
  readonly callId: string
  /** The method name of the implicit response. */
  readonly method: TMethod
  /** Phantom: method and response types; the response may be absent. */
  readonly '~types': CallTypes<TMethod, ResponseOf<TMethod> | undefined>
}

/** Any call handle or implicit handle, for runtime and type checks. */
export interface AnyCallHandle {
  readonly callId: string
  readonly method: string
  readonly '~types': CallTypes<string, unknown>
}
