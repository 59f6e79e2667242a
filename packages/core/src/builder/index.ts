export type {
  AnyCallHandle,
  CallHandle,
  CallTypes,
  CheckedCreationId,
  CheckedPath,
  ImplicitCallHandle,
} from './call-handle.js'
export type {
  CallFailure,
  CallResult,
  CallSuccess,
  Responses,
  SettledResults,
} from './call-result.js'
export type { ArgumentsInput, CheckedArguments } from './check-arguments.js'
export type { JmapTypeError, JmapTypeMismatch } from './jmap-type-error.js'
export type {
  CheckedMethodCall,
  FixedMethodCall,
  MethodCalls,
  SlottedMethodCall,
} from './method-calls.js'
export type { CapabilityTables } from './method-table.js'
export { isRequestBuildError, RequestBuildError } from './request-build-error.js'
export type {
  CallOptions,
  CallResponse,
  CheckedMethod,
  CreationArgumentsOf,
  RequestBuilder,
} from './request-builder.js'
