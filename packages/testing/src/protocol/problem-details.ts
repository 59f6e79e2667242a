import type { JsonObject } from '../json.js'

/**
 * The request-level error types of RFC 8620 §3.6.1 (without their URN prefix).
 *
 * @see RFC 8620 §3.6.1
 */
export type RequestErrorType = 'unknownCapability' | 'notJSON' | 'notRequest' | 'limit'

/**
 * Builds an RFC 7807 problem-details response for a request-level error.
 *
 * @see RFC 8620 §3.6.1
 * @example { "type": "urn:ietf:params:jmap:error:limit", "limit": "maxCallsInRequest", "status": 400, "detail": "…" }
 */
export function problemResponse(
  type: RequestErrorType | string,
  status: number,
  detail: string,
  extra: JsonObject = {},
): Response {
  const fullType = type.includes(':') ? type : `urn:ietf:params:jmap:error:${type}`
  return new Response(JSON.stringify({ type: fullType, status, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  })
}

/**
 * The problem-details body alone, for the WebSocket `RequestError` frame.
 *
 * @see RFC 8887 §4.3.4
 */
export function problemBody(
  type: string,
  status: number,
  detail: string,
  extra: JsonObject = {},
): JsonObject {
  return { type: `urn:ietf:params:jmap:error:${type}`, status, detail, ...extra }
}
