/**
 * Waits for a shared promise, or rejects with the signal's reason when the
 * signal aborts first (as `fetch` does). The shared work goes on for the
 * other callers waiting on it; only this caller stops waiting.
 *
 * @example const session = await raceAbort(sessionFetch, request.signal)
 */
export function raceAbort<TValue>(
  promise: Promise<TValue>,
  signal: AbortSignal | undefined,
): Promise<TValue> {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<TValue>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
