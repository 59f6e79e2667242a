import * as v from 'valibot'
import { InvalidPrimitiveError } from './invalid-primitive-error.js'

/** Parses `input` with `schema`, turning valibot issues into an {@link InvalidPrimitiveError}. */
export function parsePrimitive<TOutput>(
  primitive: string,
  schema: v.GenericSchema<unknown, TOutput>,
  input: unknown,
): TOutput {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  const reason = result.issues.map((issue) => issue.message).join('; ')
  throw new InvalidPrimitiveError(primitive, input, reason, {
    cause: new v.ValiError(result.issues),
  })
}
