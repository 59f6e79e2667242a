// Small hand-written checks for the JSON the request path must read on every
// request (the session, the response envelope). They stand in for valibot
// there: valibot is one module, so a bundler puts every valibot function the
// on-demand blob and push code uses into the chunk this path loads as well
// (esbuild splits chunks by module), about 8.5 kB minified for a core-only app;
// these checks are a few hundred bytes and say the same things.

/**
 * Whether a value is a JSON object (not `null`, not an array).
 *
 * @example isJsonObject({}) // true; isJsonObject([]) // false
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * How a value reads in an error message: a string as JSON (cut at 60
 * characters), anything else by its kind.
 *
 * @example describeValue(null) // "null"; describeValue(3) // "a number"; describeValue('x') // '"x"'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
  if (value === null || value === undefined) return String(value)
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

/**
 * What a hand-written check found wrong: the keys leading to the value (as
 * valibot issue path steps, for `issuePath`) and what was expected there.
 */
export interface JsonShapeProblem {
  readonly path: readonly { readonly key: string | number }[]
  readonly message: string
}

/** The keys from the root of the checked JSON to a value. */
export type JsonKeys = readonly (string | number)[]

/**
 * The problem `message` at `keys`.
 *
 * @example problemAt(['capabilities'], 'missing').path // [{ key: 'capabilities' }]
 */
export function problemAt(keys: JsonKeys, message: string): JsonShapeProblem {
  return { path: keys.map((key) => ({ key })), message }
}

/**
 * The problem "expected `what`, got `value`" at `keys`.
 *
 * @example expected(['sessionState'], 'a string', 3).message // "expected a string, got a number"
 */
export function expected(keys: JsonKeys, what: string, value: unknown): JsonShapeProblem {
  return problemAt(keys, `expected ${what}, got ${describeValue(value)}`)
}

/**
 * The problem of a value that is not a string, or `undefined`.
 *
 * @example stringProblem(3, ['state'])?.message // "expected a string, got a number"
 */
export function stringProblem(value: unknown, keys: JsonKeys): JsonShapeProblem | undefined {
  return typeof value === 'string' ? undefined : expected(keys, 'a string', value)
}

/**
 * The problem of the first member of a JSON object (or item of an array) that
 * fails `problemOf`; `undefined` when every one passes.
 *
 * @example firstProblemIn({ a: 'x', b: 1 }, ['primaryAccounts'], stringProblem)?.message // "expected a string, got a number"
 */
export function firstProblemIn(
  values: Record<string, unknown> | readonly unknown[],
  keys: JsonKeys,
  problemOf: (value: unknown, keys: JsonKeys) => JsonShapeProblem | undefined,
): JsonShapeProblem | undefined {
  for (const [key, value] of Object.entries(values)) {
    const problem = problemOf(value, [...keys, Array.isArray(values) ? Number(key) : key])
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * The problem of a value that is not a JSON object, or else of its first
 * member that fails `problemOf`.
 *
 * @example objectOfProblem({ u1: 3 }, ['primaryAccounts'], stringProblem)?.message // "expected a string, got a number"
 */
export function objectOfProblem(
  value: unknown,
  keys: JsonKeys,
  problemOf: (value: unknown, keys: JsonKeys) => JsonShapeProblem | undefined,
): JsonShapeProblem | undefined {
  return isJsonObject(value)
    ? firstProblemIn(value, keys, problemOf)
    : expected(keys, 'an object', value)
}
