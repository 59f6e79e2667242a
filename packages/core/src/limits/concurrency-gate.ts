/**
 * Lets at most a given number of tasks run at once; the others wait in order
 * instead of failing, as `maxConcurrentRequests` asks. A task keeps its slot
 * until its promise settles, so a task that reads the response body holds the
 * slot until the body is read or dropped.
 *
 * @see RFC 8620 §2
 * @example const result = await gate.run(() => post(body), signal)
 */
export interface ConcurrencyGate {
  /**
   * Runs `task` once a slot is free. An aborted `signal` rejects a waiting
   * task at once with the signal's reason, and it never starts.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Tasks running now. */
  readonly active: number
  /** Tasks waiting for a slot. */
  readonly waiting: number
}

/**
 * Creates a gate whose width is read at each start, so a refreshed session's
 * limit applies to the next request.
 *
 * @example createConcurrencyGate(() => session.capabilities['urn:ietf:params:jmap:core'].maxConcurrentRequests)
 */
export function createConcurrencyGate(width: () => number): ConcurrencyGate {
  let active = 0
  const queue: (() => void)[] = []
  const release = (): void => {
    active--
    while (queue.length > 0 && active < Math.max(1, width())) {
      active++
      queue.shift()?.()
    }
  }
  function acquire(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted()
    if (active < Math.max(1, width())) {
      active++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const start = (): void => {
        signal?.removeEventListener('abort', abandon)
        resolve()
      }
      const abandon = (): void => {
        const index = queue.indexOf(start)
        if (index !== -1) queue.splice(index, 1)
        reject(signal?.reason)
      }
      queue.push(start)
      signal?.addEventListener('abort', abandon, { once: true })
    })
  }
  return {
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
    async run(task, signal) {
      await acquire(signal)
      try {
        return await task()
      } finally {
        release()
      }
    },
  }
}
