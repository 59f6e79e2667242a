import type { OnDemandKit } from '../connection/on-demand-kit.js'

/**
 * Returns the response with a body whose read errors (a connection cut
 * mid-body surfaces from undici as `TypeError: terminated`) become a
 * {@link TransportError} whose failure is `body`. Status, headers and `url`
 * stay; the body still streams. `TransportError` is passed in: this runs in the
 * on-demand chunk (see `on-demand-kit.ts`).
 *
 * @example const response = guardBody(await fetch(url), url.href, onDemandKit.TransportError)
 */
export function guardBody(
  response: Response,
  url: string,
  TransportError: OnDemandKit['TransportError'],
): Response {
  const source = response.body
  if (source === null) return response
  const reader = source.getReader()
  const guarded = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        controller.error(
          new TransportError(
            `connection lost while reading the body from ${url}`,
            { failure: 'body', url },
            { cause: error },
          ),
        )
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
  const wrapped = new Response(guarded, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
  // A constructed Response has no URL; keep the one the body came from.
  Object.defineProperty(wrapped, 'url', { value: response.url })
  return wrapped
}
