/**
 * Node-only helpers (they read files and process.env), kept off the main entry so that browser
 * bundles of `@typed-jmap/core` never see `node:` imports.
 *
 * @module @typed-jmap/core/node
 */
export * from './load-connection-config.js'
