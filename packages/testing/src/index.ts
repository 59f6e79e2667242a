/**
 * An in-memory JMAP server (RFC 8620, RFC 8621, RFC 8887 push, Calendars, Tasks, Contacts,
 * Sieve) for testing apps built on typed-jmap.
 *
 * @module @typed-jmap/testing
 */
export { blobCapability, blobPlugin } from './blob/blob-plugin.js'
export { calendarsCapability, calendarsPlugin } from './calendars/calendars-plugin.js'
export { contactsCapability, contactsPlugin } from './contacts/contacts-plugin.js'
export type {
  DataType,
  IdReferenceShape,
  RecordChange,
  RecordComparator,
  RecordContext,
  SortComparator,
  StandardMethodName,
} from './data-type.js'
export {
  DroppedConnectionError,
  isDroppedConnectionError,
} from './faults/dropped-connection-error.js'
export type {
  Fault,
  FaultControls,
  FaultEndpoint,
  FaultHandle,
  FaultScope,
} from './faults/fault-injector.js'
export type { CorsOptions, ListeningServer } from './http/listener.js'
export type { JsonObject } from './json.js'
export {
  mailCapability,
  submissionCapability,
  vacationResponseCapability,
} from './mail/mail-capabilities.js'
export { mailPlugin } from './mail/mail-plugin.js'
export { mdnCapability, mdnPlugin } from './mdn/mdn-plugin.js'
export { compareProperty, compareStrings } from './methods/query-engine.js'
export { isMethodError, MethodError } from './protocol/method-error.js'
export {
  invalidProperties,
  isRecordRejectedError,
  RecordRejectedError,
} from './protocol/record-rejected-error.js'
export { isTestServerUsageError, TestServerUsageError } from './protocol/test-server-usage-error.js'
export { quotaCapability, quotaPlugin } from './quota/quota-plugin.js'
export {
  type PersonalPreset,
  type StandardMailboxRole,
  standardMailboxRoles,
} from './seed/personal-preset.js'
export type { SeedEmail, SeedHelpers } from './seed/seed-helpers.js'
export { coreCapability } from './server/core-plugin.js'
export {
  createTestServer,
  type TestServer,
  type TestServerAuth,
  type TestServerOptions,
} from './server/create-test-server.js'
export type { PushFetch } from './server/push-subscription-plugin.js'
export type {
  CapabilityDefinition,
  CoreLimits,
  MethodContext,
  MethodDefinition,
  MethodHandler,
  SentMessage,
  ServerRuntime,
  StateChange,
  TestServerPlugin,
} from './server/server-runtime.js'
export { standardPlugins } from './server/standard-plugins.js'
export { sieveCapability, sievePlugin } from './sieve/sieve-plugin.js'
export type { AccountData, AccountOptions } from './store/account-data.js'
export type { BlobStore, StoredBlob } from './store/blob-store.js'
export type { ChangeKind, ChangeLogEntry, ChangesSince, TypeStore } from './store/type-store.js'
export { tasksCapability, tasksPlugin } from './tasks/tasks-plugin.js'
