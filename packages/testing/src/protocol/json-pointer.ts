import { isJsonObject } from '../json.js'

/**
 * Splits a JSON Pointer into unescaped reference tokens (`~1` → `/`, `~0` → `~`).
 * Returns `undefined` when the text is not a pointer.
 *
 * @see RFC 6901 §3
 * @example parseJsonPointer('/list/*\/threadId') // ['list', '*', 'threadId']
 */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return undefined
  const tokens = pointer.slice(1).split('/')
  // A `~` followed by anything but 0 or 1 is not a valid escape.
  if (tokens.some((token) => /~(?![01])/.test(token))) return undefined
  return tokens.map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The pointer led nowhere; the caller turns this into its own error. */
const unresolved: unique symbol = Symbol('unresolved')

function evaluate(value: unknown, tokens: readonly string[], index: number): unknown {
  if (index === tokens.length) return value
  const token = tokens[index] as string
  if (Array.isArray(value)) {
    if (token === '*') {
      const mapped: unknown[] = []
      for (const item of value) {
        const result = evaluate(item, tokens, index + 1)
        if (result === unresolved) return unresolved
        // RFC 8620 §3.7: arrays produced per item are flattened into the output.
        if (Array.isArray(result)) mapped.push(...result)
        else mapped.push(result)
      }
      return mapped
    }
    if (!/^(0|[1-9][0-9]*)$/.test(token)) return unresolved
    const position = Number(token)
    return position < value.length ? evaluate(value[position], tokens, index + 1) : unresolved
  }
  if (isJsonObject(value) && Object.hasOwn(value, token)) {
    return evaluate(value[token], tokens, index + 1)
  }
  return unresolved
}

/**
 * Applies a pointer with the JMAP `*` extension: `*` maps the rest of the
 * pointer over an array and flattens array results.
 *
 * @see RFC 8620 §3.7
 * @example evaluateJmapPointer({ list: [{ emailIds: ['a'] }, { emailIds: ['b'] }] }, '/list/*\/emailIds')
 *   // { found: true, value: ['a', 'b'] }
 */
export function evaluateJmapPointer(
  document: unknown,
  pointer: string,
): { found: true; value: unknown } | { found: false } {
  const tokens = parseJsonPointer(pointer)
  if (tokens === undefined) return { found: false }
  const value = evaluate(document, tokens, 0)
  return value === unresolved ? { found: false } : { found: true, value }
}
