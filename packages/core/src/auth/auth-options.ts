/**
 * How the client authenticates: HTTP Basic, a fixed Bearer token, or an async
 * provider of Bearer tokens that is asked again once after a 401.
 *
 * @see RFC 8620 §1.7
 * @example { bearer: 'fmu1-…' }
 */
export type AuthOptions =
  | { readonly basic: { readonly username: string; readonly password: string } }
  | { readonly bearer: string }
  | {
      /** Returns the Bearer token to send; called again once after a 401. */
      readonly token: () => Promise<string>
    }
