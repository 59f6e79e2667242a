/**
 * A compile-time error message. The builder puts it in parameter position when
 * a call is wrong, so the editor shows the message at the mistake; no value
 * can have this type.
 *
 * @example
 * b.call('Email/gett', { accountId })
 * // Argument of type '"Email/gett"' is not assignable to parameter of type
 * // 'JmapTypeError<"unknown method 'Email/gett'; did you mean 'Email/get'?">'
 */
export interface JmapTypeError<TMessage extends string> {
  /** The message. */
  readonly '~jmapTypeError': TMessage
}

/**
 * A {@link JmapTypeError} for a value of the wrong type that also names the
 * type expected there (a template literal cannot spell a type out).
 *
 * @example
 * b.call('CalendarEvent/set', { accountId, create: { e: { calendarIds, duration: 3600 } } })
 * // Type 'number' is not assignable to type 'JmapTypeMismatch<"'duration' of what
 * // CalendarEvent/set creates has the wrong type", `P${string}`>'
 */
export interface JmapTypeMismatch<TMessage extends string, TExpected>
  extends JmapTypeError<TMessage> {
  /** The type expected where the mistake is. */
  readonly '~expected': TExpected
}
