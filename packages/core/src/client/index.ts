export type {
  AvailableMethods,
  BuildRequest,
  ClientOptions,
  JmapClient,
  RegistryConflictCheck,
  RequestOptions,
  SingleCallOptions,
} from './create-client.js'
export { createClient } from './create-client.js'
