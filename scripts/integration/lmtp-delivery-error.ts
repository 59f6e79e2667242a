/** An LMTP server answered a command with something other than the expected reply. */
export class LmtpDeliveryError extends Error {
  override readonly name = 'LmtpDeliveryError'
  /** The command that was answered unexpectedly (`'RCPT TO:<test>'`). */
  readonly command: string
  /** The server's full reply, all lines. */
  readonly reply: string

  constructor(command: string, reply: string, options?: ErrorOptions) {
    super(`LMTP ${command} failed: ${reply.trim()}`, options)
    this.command = command
    this.reply = reply
  }
}

/** Type guard for {@link LmtpDeliveryError}. */
export function isLmtpDeliveryError(value: unknown): value is LmtpDeliveryError {
  return value instanceof Error && value.name === 'LmtpDeliveryError'
}
