/**
 * Sets a property by a key that comes from data, as an own property even when the key is
 * `__proto__` (a plain assignment would replace the prototype and lose the entry).
 *
 * @example setOwnProperty(alerts, jsid, alert)
 */
export function setOwnProperty(target: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    })
  } else {
    ;(target as Record<string, unknown>)[key] = value
  }
}
