/**
 * Lets at most a given number of tasks run at once; the others wait in order
 * instead of failing, as `maxConcurrentRequests` asks.
 *
 * @see RFC 8620 §2
 * @example const result = await gate.run(() => post(body))
 */
export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Tasks running now. */
  readonly active: number
}

/**
 * Creates a gate whose width is read at each start, so a refreshed session's
 * limit applies to the next request.
 *
 * @example createConcurrencyGate(() => session.capabilities['urn:ietf:params:jmap:core'].maxConcurrentRequests)
 */
export function createConcurrencyGate(width: () => number): ConcurrencyGate {
  let active = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    active--
    while (waiting.length > 0 && active < Math.max(1, width())) {
      active++
      waiting.shift()?.()
    }
  }
  return {
    get active() {
      return active
    },
    async run(task) {
      if (active < Math.max(1, width())) active++
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        release()
      }
    },
  }
}
