import type { SetError } from '@typed-jmap/core'

/**
 * The script is not valid Sieve (syntax, or an extension the server lacks);
 * `description` carries the server's message, usually with a line number.
 * RFC 9661 registers `invalidSieve`; Cyrus and Stalwart send `invalidScript`.
 *
 * @see RFC 9661 §2.4, §2.5
 * @example { "type": "invalidScript", "description": "line 1: syntax error" }
 */
export interface InvalidSieveSetError {
  readonly type: 'invalidSieve' | 'invalidScript'
  readonly description?: string | null
}

/**
 * The script to destroy is the active one: deactivate it first
 * (`onSuccessDeactivateScript`, or activate another). RFC 9661 registers
 * `sieveIsActive`; Cyrus and Stalwart send `scriptIsActive`.
 *
 * @see RFC 9661 §2.4
 * @example { "type": "scriptIsActive" }
 */
export interface SieveIsActiveSetError {
  readonly type: 'sieveIsActive' | 'scriptIsActive'
  readonly description?: string | null
}

/**
 * Whether a SetError (or `SieveScript/validate`'s `error`) says the script is
 * not valid Sieve, under either spelling.
 *
 * @see RFC 9661 §2.4, §2.5
 * @example if (isInvalidSieveError(result.error)) showLine(result.error.description)
 */
export function isInvalidSieveError(
  error: SetError | null | undefined,
): error is SetError & InvalidSieveSetError {
  return error?.type === 'invalidSieve' || error?.type === 'invalidScript'
}

/**
 * Whether a SetError says the script is active and cannot be destroyed, under
 * either spelling.
 *
 * @see RFC 9661 §2.4
 * @example if (isSieveIsActiveError(response.notDestroyed?.[id])) deactivateFirst()
 */
export function isSieveIsActiveError(
  error: SetError | null | undefined,
): error is SetError & SieveIsActiveSetError {
  return error?.type === 'sieveIsActive' || error?.type === 'scriptIsActive'
}
