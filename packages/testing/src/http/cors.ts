import type { CorsOptions } from './listener.js'

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Headers a JMAP client sends: credentials, JSON bodies, EventSource resumption. */
const allowedHeaders = 'authorization, content-type, accept, last-event-id'

/**
 * Tells whether a browser page on `origin` may call the server.
 *
 * @example isAllowedOrigin('http://localhost:5173', {}) // true: loopback
 */
export function isAllowedOrigin(origin: string, options: CorsOptions): boolean {
  if (options.allowedOrigins === '*') return true
  if (options.allowedOrigins?.includes(origin) === true) return true
  if (options.allowLoopback === false) return false
  try {
    const url = new URL(origin)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname)
    )
  } catch {
    return false
  }
}

/**
 * Answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`),
 * before and without authentication as the Fetch standard requires: 204 with
 * the allowed methods and headers for an allowed origin, 403 otherwise.
 * `undefined` when the request is not a preflight.
 *
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 * @example const answer = preflightResponse(request, {}) ?? (await handle(request))
 */
export function preflightResponse(request: Request, options: CorsOptions): Response | undefined {
  const origin = request.headers.get('origin')
  if (
    request.method !== 'OPTIONS' ||
    origin === null ||
    !request.headers.has('access-control-request-method')
  ) {
    return undefined
  }
  if (!isAllowedOrigin(origin, options)) {
    return new Response(null, { status: 403, headers: { vary: 'origin' } })
  }
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': allowedHeaders,
      'access-control-max-age': '600',
      vary: 'origin',
    },
  })
}

/**
 * Adds `Access-Control-Allow-Origin` to a response for an allowed origin, so
 * the page can read it; other origins get the response without it, which the
 * browser then withholds from the page.
 *
 * @see https://fetch.spec.whatwg.org/#http-access-control-allow-origin
 * @example return withCorsHeaders(request, await handle(request), {})
 */
export function withCorsHeaders(
  request: Request,
  response: Response,
  options: CorsOptions,
): Response {
  const origin = request.headers.get('origin')
  if (origin === null || !isAllowedOrigin(origin, options)) return response
  const headers = new Headers(response.headers)
  headers.set('access-control-allow-origin', origin)
  headers.set('access-control-expose-headers', 'location, retry-after, www-authenticate')
  headers.append('vary', 'origin')
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}
