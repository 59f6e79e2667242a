export type {
  AccountCapabilityOf,
  Capabilities,
  CapabilityTypes,
  CapabilityUrn,
  SessionCapabilityOf,
} from './capabilities.js'
export type {
  AnyCapabilityDefinition,
  CapabilityDefinition,
  CapabilityMethods,
} from './capability-definition.js'
export { defineCapability } from './capability-definition.js'
export type { DataTypeName, PushOnlyDataTypes } from './data-types.js'
export type {
  MethodRuntime,
  ResponseSchema,
  ResponseSchemaFactory,
  ResponseValidator,
  ResponseValidatorFactory,
} from './method-runtime.js'

export type {
  ArgumentsOf,
  CapabilityOf,
  MethodName,
  MethodNameOf,
  Methods,
  MethodWitness,
  ResponseOf,
  WitnessOf,
} from './methods.js'
export type {
  TypedAccount,
  TypedAccountCapabilities,
  TypedSession,
  TypedSessionCapabilities,
} from './typed-session.js'
