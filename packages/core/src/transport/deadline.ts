/**
 * One clock for a whole HTTP exchange: headers, retries and their waits, and
 * the body. Its `signal` aborts when the time is up or the caller's signal
 * aborts, whichever comes first; `expired()` tells the two apart.
 *
 * @example const deadline = startDeadline(30_000, callerSignal); try { … } finally { deadline.dispose() }
 */
export interface Deadline {
  readonly signal: AbortSignal
  /** The limit in ms, or `false` for none. */
  readonly limit: number | false
  /** True once the time ran out (not when the caller aborted). */
  expired(): boolean
  /** Milliseconds left; `Infinity` without a limit. */
  remaining(): number
  /** Stops the clock; the caller's signal still aborts (a streamed body stays cancellable). */
  stopClock(): void
  /** Stops the clock and forgets the caller's signal. */
  dispose(): void
}

/**
 * Starts a deadline of `limit` ms (`false`: none) linked to a caller's signal.
 *
 * @example startDeadline(3_000, undefined).remaining() // ≈ 3000
 */
export function startDeadline(limit: number | false, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController()
  const started = Date.now()
  let expired = false
  const follow = (): void => controller.abort(caller?.reason)
  if (caller?.aborted) follow()
  else caller?.addEventListener('abort', follow, { once: true })
  const timer =
    limit === false
      ? undefined
      : setTimeout(() => {
          expired = true
          controller.abort(new DOMException('the exchange took too long', 'TimeoutError'))
        }, limit)
  return {
    signal: controller.signal,
    limit,
    expired: () => expired,
    remaining: () => (limit === false ? Number.POSITIVE_INFINITY : limit - (Date.now() - started)),
    stopClock: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer)
      caller?.removeEventListener('abort', follow)
    },
  }
}
