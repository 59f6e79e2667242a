import * as v from 'valibot'
import type { MethodError } from './method-error.js'

/**
 * The valibot schema of a method error's arguments: a `type` string and an
 * optional `description`, other fields kept.
 *
 * @see RFC 8620 §3.6.2
 * @example v.parse(methodErrorSchema, { type: 'serverFail', description: 'disk full' })
 */
export const methodErrorSchema: v.GenericSchema<unknown, MethodError> = v.looseObject({
  type: v.string(),
  description: v.optional(v.nullable(v.string())),
}) as v.GenericSchema<unknown, MethodError>
