/**
 * A compile-time error message. The builder puts it in parameter position when
 * a call is wrong, so the editor shows the message at the mistake; no value
 * can have this type.
 *
 * @example
 * b.call('Email/gett', { accountId })
 * // Argument of type '"Email/gett"' is not assignable to parameter of type
 * // 'JmapTypeError<"unknown method 'Email/gett'">'
 */
export interface JmapTypeError<TMessage extends string> {
  /** The message. */
  readonly '~jmapTypeError': TMessage
}
