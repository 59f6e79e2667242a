/**
 * Why {@link sendEmail} could not fill in an option the caller left out.
 *
 * - `noIdentity`: no Identity may send from the `from` address (or the account has none).
 * - `ambiguousIdentity`: several Identities match and nothing tells them apart.
 * - `noDraftsMailbox` / `noSentMailbox`: the account has no Mailbox with that role.
 * - `noFromAddress`: the email has no `from` and the chosen Identity has no mailbox address
 *   to put there (Cyrus 3.10's identity has an empty `email`).
 *
 * @see RFC 8621 §6, §2
 */
export type SendEmailDefaultsProblem =
  | 'noIdentity'
  | 'ambiguousIdentity'
  | 'noDraftsMailbox'
  | 'noSentMailbox'
  | 'noFromAddress'

/**
 * Thrown by {@link sendEmail} before anything is written when an omitted `identityId`,
 * `draftsMailboxId` or `sentMailboxId` cannot be chosen from the account; pass that option
 * explicitly to go on. Nothing was created on the server.
 *
 * @example
 * if (isSendEmailDefaultsError(error) && error.problem === 'ambiguousIdentity')
 *   console.error(error.candidates) // the identity ids to choose from
 */
export class SendEmailDefaultsError extends Error {
  override readonly name = 'SendEmailDefaultsError' as const
  /** What could not be chosen. */
  readonly problem: SendEmailDefaultsProblem
  /** The account the defaults were looked up in. */
  readonly accountId: string
  /** For `ambiguousIdentity`, the ids of the matching identities. */
  readonly candidates: readonly string[]

  constructor(
    problem: SendEmailDefaultsProblem,
    accountId: string,
    message: string,
    candidates: readonly string[] = [],
  ) {
    super(message)
    this.problem = problem
    this.accountId = accountId
    this.candidates = candidates
  }
}

/**
 * Tells whether a value is a {@link SendEmailDefaultsError}.
 *
 * @example if (isSendEmailDefaultsError(error)) console.error(error.problem, error.message)
 */
export function isSendEmailDefaultsError(value: unknown): value is SendEmailDefaultsError {
  return value instanceof SendEmailDefaultsError
}
