import type { Invocation } from './request.js'

/**
 * The body of a JMAP API response.
 *
 * @see RFC 8620 §3.4
 * @example { "methodResponses": [["Core/echo", {}, "c0"]], "sessionState": "75128aab4b1b" }
 */
export interface JmapResponse {
  methodResponses: Invocation[]
  createdIds?: Record<string, string>
  sessionState: string
}
