export type { ChangesArguments, ChangesMethod, ChangesResponse } from './changes.js'
export { changesResponseSchema } from './changes-response-schema.js'
export type { Comparator, ComparatorOf } from './comparator.js'
export type { CopyArguments, CopyMethod, CopyResponse } from './copy.js'
export { copyResponseSchema } from './copy-response-schema.js'
export type { Filter, FilterOperator } from './filter.js'
export type { GetArguments, GetMethod, GetResponse, SelectProperties } from './get.js'
export type { GetResponseSchemaOptions } from './get-response-schema.js'
export { getResponseSchema } from './get-response-schema.js'
export type { Identified } from './identified.js'
export type { PropertySchemas } from './property-schemas.js'
export type { QueryArguments, QueryMethod, QueryResponse } from './query.js'
export type {
  AddedItem,
  QueryChangesArguments,
  QueryChangesMethod,
  QueryChangesResponse,
} from './query-changes.js'
export { queryChangesResponseSchema } from './query-changes-response-schema.js'
export { queryResponseSchema } from './query-response-schema.js'
export type { SetArguments, SetMethod, SetResponse } from './set.js'
export type {
  AlreadyExistsSetError,
  InvalidPropertiesSetError,
  OtherSetError,
  PlainSetError,
  PlainSetErrorType,
  SetError,
  SetErrorFields,
} from './set-error.js'
export { SetErrorSchema } from './set-error.js'
export { setResponseSchema } from './set-response-schema.js'
