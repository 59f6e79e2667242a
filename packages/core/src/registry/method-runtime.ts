import type { StandardSchemaV1 } from '@standard-schema/spec'
import type * as v from 'valibot'

/**
 * A valibot schema whose output type is erased: what the built-in packages'
 * schema helpers (`getResponseSchema`, `setResponseSchema`, …) return, as
 * `isolatedDeclarations` wants a written type. Its output is `any` on purpose:
 * an erased schema says nothing about its output, so the registry cannot
 * compare it with the method's declared response, and does not.
 *
 * @example v.looseObject({ accountId: IdSchema, list: v.array(EmailSchema) })
 */
// biome-ignore lint/suspicious/noExplicitAny: an erased output must be assignable to any declared response (unknown is not)
export type ResponseSchema = v.GenericSchema<unknown, any>

/**
 * A schema for the arguments object of a method response: any Standard Schema
 * validator (valibot, zod, arktype, …) whose output is assignable to
 * `TResponse`, the response the method's witness declares. A schema whose
 * output contradicts the declared type (`title: v.number()` for
 * `title: string`) does not compile.
 *
 * @see https://standardschema.dev
 * @example v.object({ accountId: v.string(), list: v.array(MaskedEmailSchema) })
 */
export type ResponseValidator<TResponse = unknown> = StandardSchemaV1<unknown, TResponse>

/**
 * Builds the (erased valibot) response schema for one call from that call's
 * arguments (so a `/get` response is checked against the `properties` that
 * were asked for): what the built-in schema helpers return.
 *
 * @example (args) => v.looseObject({ list: v.array(pick(args.properties)) })
 */
export type ResponseSchemaFactory = (args: Readonly<Record<string, unknown>>) => ResponseSchema

/**
 * Builds the response validator for one call from that call's arguments, with
 * any Standard Schema validator whose output fits `TResponse`.
 *
 * @example (args) => z.object({ list: z.array(args.properties ? picked : full) })
 */
export type ResponseValidatorFactory<TResponse = unknown> = (
  args: Readonly<Record<string, unknown>>,
) => ResponseValidator<TResponse>

/**
 * The runtime part of one registered method: how to validate its response and
 * which extra capabilities it needs in `using`. `TResponse` is the response
 * the method's witness declares; the schema's output must be assignable to it.
 *
 * @see RFC 8620 §3.3
 * @example { response: queryResponseSchema() }
 */
export interface MethodRuntime<TResponse = unknown> {
  /**
   * The schema of the response arguments (any Standard Schema validator that
   * validates synchronously), or a factory taking the call's arguments.
   */
  readonly response: ResponseValidator<TResponse> | ResponseValidatorFactory<TResponse>
  /**
   * Loads the code `response` needs; awaited before the first response of the
   * method is checked. Core's `Blob/copy` and `PushSubscription/*` use it: their
   * validators come with the blob and push code, so an app that never calls
   * them does not bundle them.
   */
  readonly loadResponse?: () => Promise<void>
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
