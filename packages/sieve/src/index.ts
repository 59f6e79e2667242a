/**
 * JMAP for Sieve Scripts (RFC 9661): data types, registry entries, script helpers and
 * Cyrus's vendor dialect.
 *
 * @module @typed-jmap/sieve
 */
export * from './cyrus-sieve-dialect.js'
export * from './helpers/activate-sieve-script.js'
export * from './helpers/read-sieve-script.js'
export * from './helpers/validate-sieve-script.js'
export * from './helpers/write-sieve-script.js'
export * from './sieve-methods.js'
export * from './sieve-script.js'
export * from './sieve-set-errors.js'
