import type * as v from 'valibot'

/**
 * A valibot schema for the arguments object of a method response.
 *
 * @example v.looseObject({ accountId: IdSchema, list: v.array(EmailSchema) })
 */
export type ResponseSchema = v.GenericSchema<unknown, unknown>

/**
 * Builds the response schema for one call from that call's arguments (so a
 * `/get` response is checked against the `properties` that were asked for).
 *
 * @example (args) => v.looseObject({ list: v.array(pick(args.properties)) })
 */
export type ResponseSchemaFactory = (args: Readonly<Record<string, unknown>>) => ResponseSchema

/**
 * The runtime part of one registered method: how to validate its response and
 * which extra capabilities it needs in `using`.
 *
 * @see RFC 8620 §3.3
 * @example { response: queryResponseSchema() }
 */
export interface MethodRuntime {
  /** The schema of the response arguments, or a factory taking the call's arguments. */
  readonly response: ResponseSchema | ResponseSchemaFactory
  /** Capabilities the method needs besides its own (MDN/send also needs mail). */
  readonly using?: readonly string[]
}
