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
  /**
   * The arguments whose keys are creation ids, i.e. the maps that create
   * records a `#creationId` may refer to (RFC 9007's MDN/send: `['send']`).
   * Without it: `['create']`. The witness says the same to the compiler with
   * `'~creationArguments'`.
   *
   * @see RFC 8620 §5.3, RFC 9007 §3.1
   */
  readonly creates?: readonly string[]
  /**
   * The arguments whose `#creationId` keys (of a map) or items (of an array)
   * may only refer to records this same call creates, updates or destroys
   * (EmailSubmission/set's `onSuccessUpdateEmail` and `onSuccessDestroyEmail`);
   * the request refuses to build otherwise. The witness says the same to the compiler with
   * `'~ownCreationReferences'` (which can check array items only: a computed
   * key loses its type).
   *
   * @see RFC 8621 §7.5, RFC 9007 §3.1
   */
  readonly ownCreationReferences?: readonly string[]
}
