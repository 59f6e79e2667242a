import type { MethodError } from '../method-errors/method-error.js'
import type { Invocation } from '../protocol/request.js'
import type { AnyCallHandle } from './call-handle.js'

/**
 * A call that succeeded: its (validated) response, plus every response the
 * server sent under its call id (implicit ones included).
 *
 * @see RFC 8620 §3.4
 * @example { ok: true, method: 'Email/get', callId: 'c1', response: { list: [...] }, responses: [...] }
 */
export interface CallSuccess<TResponse> {
  readonly ok: true
  readonly method: string
  readonly callId: string
  readonly response: TResponse
  /** All responses with this call id, in order. */
  readonly responses: readonly Invocation[]
}

/**
 * A call that failed with a method error, kept as data.
 *
 * @see RFC 8620 §3.6.2
 * @example { ok: false, method: 'Email/get', callId: 'c1', error: { type: 'invalidResultReference' } }
 */
export interface CallFailure {
  readonly ok: false
  readonly method: string
  readonly callId: string
  readonly error: MethodError
  /** All responses with this call id, in order. */
  readonly responses: readonly Invocation[]
}

/**
 * The outcome of one call: its response or its method error.
 *
 * @see RFC 8620 §3.4, §3.6.2
 */
export type CallResult<TResponse> = CallSuccess<TResponse> | CallFailure

/**
 * What `requestSettled` resolves to for the value the builder callback
 * returned: each handle (alone, or one level inside an object or array)
 * replaced by its {@link CallResult}.
 *
 * @example type R = SettledResults<{ q: CallHandle<…, QueryResponse> }> // { q: CallResult<QueryResponse> }
 */
export type SettledResults<TResult> = TResult extends AnyCallHandle
  ? CallResult<TResult['~types']['response']>
  : {
      readonly [TKey in keyof TResult]: TResult[TKey] extends AnyCallHandle
        ? CallResult<TResult[TKey]['~types']['response']>
        : TResult[TKey]
    }

/**
 * What `request` resolves to for the value the builder callback returned:
 * each handle replaced by its response.
 *
 * @example type R = Responses<{ q: CallHandle<…, QueryResponse> }> // { q: QueryResponse }
 */
export type Responses<TResult> = TResult extends AnyCallHandle
  ? TResult['~types']['response']
  : {
      readonly [TKey in keyof TResult]: TResult[TKey] extends AnyCallHandle
        ? TResult[TKey]['~types']['response']
        : TResult[TKey]
    }
