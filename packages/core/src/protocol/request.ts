/**
 * One method call on the wire: `[name, arguments, methodCallId]`.
 *
 * @see RFC 8620 §3.2
 * @example ["Mailbox/get", { "accountId": "u1" }, "c0"]
 */
export type Invocation = [name: string, args: Record<string, unknown>, methodCallId: string]

/**
 * A result reference as sent in place of an argument (`"#ids": {…}`).
 *
 * @see RFC 8620 §3.7
 * @example { "resultOf": "c0", "name": "Email/query", "path": "/ids" }
 */
export interface ResultReference {
  readonly resultOf: string
  readonly name: string
  readonly path: string
}

/**
 * The body of a JMAP API request.
 *
 * @see RFC 8620 §3.3
 * @example { "using": ["urn:ietf:params:jmap:core"], "methodCalls": [["Core/echo", {}, "c0"]] }
 */
export interface JmapRequest {
  using: string[]
  methodCalls: Invocation[]
  createdIds?: Record<string, string>
}
