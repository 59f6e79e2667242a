/**
 * Typed JMAP (RFC 8620) core: the method registry, the typed request builder and the client
 * runtime (session, batching, blobs, push, errors).
 *
 * @module @typed-jmap/core
 */
export * from './auth/index.js'
export * from './batching/index.js'
export * from './blob/index.js'
export * from './builder/index.js'
export type { CapabilityAlias } from './capabilities/capability-alias.js'
export { aliasedSession, withCapabilityAlias } from './capabilities/capability-alias.js'
export type {
  BlobCopyArguments,
  BlobCopyMethod,
  BlobCopyResponse,
  CoreEchoMethod,
  CoreMethods,
} from './capabilities/core.js'
export { core, coreUrn } from './capabilities/core.js'
export * from './client/index.js'
export type {
  ChangesMethodWithGet,
  GetMethodOf,
  MethodNameEndingIn,
  RecordOf,
  ResponseOfMethod,
} from './client/standard-method-names.js'
export * from './connection/index.js'
export * from './creation-id/index.js'
export * from './errors/index.js'
export * from './limits/index.js'
export * from './method-errors/index.js'
export * from './paging/index.js'
export * from './patch/index.js'
export * from './primitives/index.js'
export * from './protocol/index.js'
export * from './push/index.js'
export * from './registry/index.js'
export * from './result-reference/index.js'
export * from './session/index.js'
export * from './standard-methods/index.js'
export * from './transport/index.js'
