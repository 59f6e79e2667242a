// Keys a deep merge downstream could turn into prototype pollution. JSON.parse
// itself only creates own properties, but user code that spreads or merges a
// response into another object would not be so careful.
const hasRiskyText = /__proto__|constructor|\\u/

function isRisky(record: Record<string, unknown>, key: string): boolean {
  if (key === '__proto__') return true
  if (key !== 'constructor') return false
  const value = record[key]
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype')
}

// An explicit stack instead of JSON.parse's reviver, which recurses: a hostile
// body nested thousands deep must not overflow the stack here.
function dropRiskyKeys(root: unknown): void {
  const stack: unknown[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item)
      continue
    }
    const record = node as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (isRisky(record, key)) delete record[key]
      else if (typeof record[key] === 'object' && record[key] !== null) stack.push(record[key])
    }
  }
}

/**
 * Parses JSON text, dropping `__proto__` members and `constructor` members that
 * carry a `prototype`, so a hostile server cannot pollute prototypes through a
 * later merge. Throws `SyntaxError` like `JSON.parse`; never recurses, so any
 * nesting depth parses.
 *
 * @example parseJsonSafely('{"__proto__":{"x":1},"a":1}') // { a: 1 }
 */
export function parseJsonSafely(text: string): unknown {
  const value: unknown = JSON.parse(text)
  // The walk costs a second pass, so only pay for it when a risky key could
  // be present (escapes included, since "\u005f_proto__" decodes to one).
  if (hasRiskyText.test(text)) dropRiskyKeys(value)
  return value
}
