export type {
  AvailableMethods,
  BuildRequest,
  ClientOptions,
  JmapClient,
  RegistryConflictCheck,
  RequestOptions,
} from './create-client.js'
export { createClient } from './create-client.js'
