/**
 * Whether an object has an own enumerable property: what `Object.keys(object).length > 0` says,
 * without building the array of keys (the reader asks it of every map it may leave out).
 *
 * @example hasOwnKeys({}) // false
 */
export function hasOwnKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true
  return false
}
