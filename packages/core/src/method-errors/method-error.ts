/**
 * Fields every method error carries.
 *
 * @see RFC 8620 §3.6.2
 * @example { "type": "invalidArguments", "description": "ids is not an array" }
 */
export interface MethodErrorFields<TType extends string> {
  /** The error type, e.g. `serverFail`. */
  readonly type: TType
  /** A human-readable explanation, when the server sends one. */
  readonly description?: string | null
}

/**
 * Method error types that carry no fields beyond `type` and `description`.
 *
 * @see RFC 8620 §3.6.2, §5
 */
export type PlainMethodErrorType =
  | 'serverUnavailable'
  | 'serverFail'
  | 'serverPartialFail'
  | 'unknownMethod'
  | 'invalidArguments'
  | 'invalidResultReference'
  | 'forbidden'
  | 'accountNotFound'
  | 'accountNotSupportedByMethod'
  | 'accountReadOnly'
  | 'requestTooLarge'
  | 'cannotCalculateChanges'
  | 'stateMismatch'
  | 'fromAccountNotFound'
  | 'fromAccountNotSupportedByMethod'
  | 'anchorNotFound'
  | 'unsupportedSort'
  | 'unsupportedFilter'
  | 'tooManyChanges'

/**
 * A method error of a type RFC 8620 defines.
 *
 * @see RFC 8620 §3.6.2
 * @example { "type": "stateMismatch" }
 */
export interface KnownMethodError extends MethodErrorFields<PlainMethodErrorType> {}

/**
 * A method error whose `type` this SDK does not know (an extension or a newer
 * RFC). RFC 8620 says to treat it like `serverFail`; its extra fields are kept
 * at run time (narrow to the extension's interface to read them).
 *
 * @see RFC 8620 §3.6.2
 * @example { "type": "unknownDataType", "description": "…" }
 */
export interface OtherMethodError extends MethodErrorFields<string & {}> {}

/**
 * The error a single method call can answer with (`["error", {…}, "c1"]`): an
 * open union over `type`, so unknown types still parse and a `match(...)` over
 * it can be exhaustive.
 *
 * @see RFC 8620 §3.6.2
 * @example ["error", { "type": "unknownMethod" }, "c1"]
 */
export type MethodError = KnownMethodError | OtherMethodError

/**
 * Every method error type RFC 8620 defines, for runtime checks.
 *
 * @see RFC 8620 §3.6.2
 */
export const methodErrorTypes: readonly PlainMethodErrorType[] = [
  'serverUnavailable',
  'serverFail',
  'serverPartialFail',
  'unknownMethod',
  'invalidArguments',
  'invalidResultReference',
  'forbidden',
  'accountNotFound',
  'accountNotSupportedByMethod',
  'accountReadOnly',
  'requestTooLarge',
  'cannotCalculateChanges',
  'stateMismatch',
  'fromAccountNotFound',
  'fromAccountNotSupportedByMethod',
  'anchorNotFound',
  'unsupportedSort',
  'unsupportedFilter',
  'tooManyChanges',
]
