export type { ErrorOfType } from './error-of-type.js'
export { isErrorOfType } from './error-of-type.js'
export { isMethodCallError, MethodCallError } from './method-call-error.js'
export type {
  KnownMethodError,
  MethodError,
  MethodErrorFields,
  OtherMethodError,
  PlainMethodErrorType,
} from './method-error.js'
export { methodErrorTypes } from './method-error.js'
export { methodErrorSchema } from './method-error-schema.js'
