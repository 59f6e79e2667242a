// Keys a deep merge downstream could turn into prototype pollution. JSON.parse
// itself only creates own properties, but user code that spreads or merges a
// response into another object would not be so careful.
const hasRiskyText = /__proto__|constructor|\\u/

function dropRiskyKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') return undefined
  if (
    key === 'constructor' &&
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'prototype')
  ) {
    return undefined
  }
  return value
}

/**
 * Parses JSON text, dropping `__proto__` members and `constructor` members that
 * carry a `prototype`, so a hostile server cannot pollute prototypes through a
 * later merge. Throws `SyntaxError` like `JSON.parse`.
 *
 * @example parseJsonSafely('{"__proto__":{"x":1},"a":1}') // { a: 1 }
 */
export function parseJsonSafely(text: string): unknown {
  // The reviver costs a second walk, so only pay for it when a risky key could
  // be present (escapes included, since "\u005f_proto__" decodes to one).
  return hasRiskyText.test(text) ? JSON.parse(text, dropRiskyKeys) : JSON.parse(text)
}
