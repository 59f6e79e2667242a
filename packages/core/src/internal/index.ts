/**
 * **For typed-jmap's own packages only; not a public API, may change in any release.**
 *
 * Runtime pieces sibling packages (mail, calendars, tasks) build on: schema
 * helpers for their own response-schema factories, and the builder's runtime
 * forms (so a package can recognise a result reference or a call handle).
 *
 * @internal
 */

export { CallHandleImpl } from '../builder/call-handle-impl.js'
export { decodeResponses, mapHandles, resultOf } from '../builder/decode-responses.js'
export { ImplicitCallHandleImpl } from '../builder/implicit-call-handle-impl.js'
export type { MethodEntry } from '../builder/method-table.js'
export { methodTable } from '../builder/method-table.js'
export {
  type BuiltCall,
  RequestBuilderImpl,
  wireArguments,
} from '../builder/request-builder-impl.js'
export { checkRequest } from '../connection/check-request.js'
export { isJsonObject } from '../connection/json-shape.js'
export { boundedNesting, maxResponseNesting } from '../connection/nesting-depth.js'
export { creationIdReference } from '../creation-id/creation-id.js'
export { jscalendarIdNamespace, uuidV5 } from '../derived-ids/uuid-v5.js'
export {
  type CreatingSetResponse,
  type ReadBackErrors,
  readBackCreated,
} from '../errors/read-back-created.js'
export {
  type DrainChangesWithObjectsArguments,
  type DrainedObjects,
  drainChangesWithObjects,
} from '../paging/drain-changes-with-objects.js'
export { parsePrimitive } from '../primitives/parse-primitive.js'
export { type SchemaValidation, validateWithSchema } from '../registry/validate-with-schema.js'
export { ResultReferenceValue } from '../result-reference/result-reference-argument.js'
export { builtOnFirstUse } from '../standard-methods/built-on-first-use.js'
export { partialObjectSchema, pickedObjectSchema } from '../standard-methods/object-entries.js'
