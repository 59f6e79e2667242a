import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * The outcome of {@link validateWithSchema}: the schema's output, or its first
 * issue with the path as text (`["list"][3]["id"]`) and every issue.
 *
 * @example { ok: false, message: 'Invalid type: Expected string but received 1', path: '["title"]', issues: [...] }
 */
export type SchemaValidation =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false
      readonly message: string
      readonly path: string
      readonly issues: readonly StandardSchemaV1.Issue[]
    }

function keyOf(segment: PropertyKey | StandardSchemaV1.PathSegment): PropertyKey {
  return typeof segment === 'object' ? segment.key : segment
}

function pathText(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => {
      const key = keyOf(segment)
      return `[${typeof key === 'symbol' ? key.toString() : JSON.stringify(key)}]`
    })
    .join('')
}

/**
 * Validates a value with any Standard Schema validator (valibot, zod,
 * arktype, …). Responses are checked synchronously, so a schema that answers
 * with a promise (an async refinement) is reported as a failure that says so
 * rather than awaited.
 *
 * @see https://standardschema.dev
 * @example validateWithSchema(v.object({ title: v.string() }), { title: 1 }) // { ok: false, path: '["title"]', … }
 */
export function validateWithSchema(schema: StandardSchemaV1, value: unknown): SchemaValidation {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) {
    // The rejection of an unawaited promise must not surface as unhandled.
    result.catch(() => undefined)
    return {
      ok: false,
      message: `the ${schema['~standard'].vendor} schema validates asynchronously; response schemas must validate synchronously`,
      path: '',
      issues: [],
    }
  }
  if (result.issues === undefined) return { ok: true, value: result.value }
  const first = result.issues[0]
  return {
    ok: false,
    message: first?.message ?? 'invalid',
    path: first === undefined ? '' : pathText(first),
    issues: result.issues,
  }
}
