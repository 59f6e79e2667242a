import type { EmailHeaderPropertyIssues } from './email-header.js'

/**
 * The builder's item check for Email/get and Email/parse (a witness's
 * `'~itemCheck'`): a `header:` name in `properties` or `bodyProperties` whose
 * form the RFC does not allow for that field (`header:From:asDate`) is a
 * compile error at the call, naming the field and the forms it allows.
 * Why a check and not a narrower argument type: `header:${string}` cannot
 * exclude forms per field name, and a union of every allowed spelling would
 * lose case-insensitive names and arbitrary fields.
 *
 * @see RFC 8621 §4.1.2, §4.1.3
 */
export interface EmailHeaderPropertyCheck {
  /** Phantom: the items written in the argument being checked. */
  readonly '~items': unknown
  readonly properties: EmailHeaderPropertyIssues<this['~items']>
  readonly bodyProperties: EmailHeaderPropertyIssues<this['~items']>
}
