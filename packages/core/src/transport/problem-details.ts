import { isJsonObject } from '../connection/json-shape.js'
import type { ProblemDetails } from '../errors/request-problem-error.js'

const problemTypeInText = /urn:ietf:params:jmap:error:[A-Za-z]+/

/**
 * Reads RFC 7807 problem details from an error response body, whether the server
 * sent a JSON object (with or without `status`) or only text naming the type.
 * Returns `undefined` when the body is not a problem.
 *
 * @see RFC 8620 §3.6.1
 * @example readProblemDetails('{"type":"urn:ietf:params:jmap:error:notJSON"}')
 */
export function readProblemDetails(body: unknown): ProblemDetails | undefined {
  if (isJsonObject(body)) {
    const raw = body
    if (typeof raw.type !== 'string') return undefined
    return {
      type: raw.type,
      ...(typeof raw.status === 'number' ? { status: raw.status } : {}),
      ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
      ...(typeof raw.detail === 'string' ? { detail: raw.detail } : {}),
      ...(typeof raw.limit === 'string' ? { limit: raw.limit } : {}),
      raw,
    }
  }
  if (typeof body !== 'string') return undefined
  const trimmed = body.trim()
  if (trimmed.startsWith('{')) {
    try {
      return readProblemDetails(JSON.parse(trimmed))
    } catch {
      // Not JSON after all: fall through and look for a type URN in the text.
    }
  }
  const found = problemTypeInText.exec(trimmed)
  if (found === null) return undefined
  const limit = /\blimit\b\W+(max[A-Za-z]+)/.exec(trimmed)?.[1]
  return {
    type: found[0],
    detail: trimmed.slice(0, 500),
    ...(limit === undefined ? {} : { limit }),
    raw: { text: trimmed.slice(0, 2000) },
  }
}
