import type { Filter, Id } from '@typed-jmap/core'
import type { mailCapability } from '../capabilities/capability-urns.js'
import type { EmailFilterCondition } from '../email/email-filter.js'
import type { SearchSnippet } from './search-snippet.js'

/**
 * The arguments of SearchSnippet/get: the Email/query filter and the Emails to highlight.
 *
 * @see RFC 8621 §5.1
 * @example { "accountId": "u1", "filter": { "text": "foo" }, "emailIds": ["M1", "M2"] }
 */
export interface SearchSnippetGetArguments {
  readonly accountId: string
  readonly filter?: Filter<EmailFilterCondition> | null
  readonly emailIds: readonly Id[]
}

/**
 * The response of SearchSnippet/get.
 *
 * @see RFC 8621 §5.1
 * @example { "accountId": "u1", "list": [{ "emailId": "M1", "subject": null, "preview": "the <mark>foo</mark>" }], "notFound": null }
 */
export interface SearchSnippetGetResponse {
  readonly accountId: Id
  readonly list: SearchSnippet[]
  readonly notFound: Id[] | null
}

/**
 * `SearchSnippet/get`.
 *
 * @see RFC 8621 §5.1
 */
export interface SearchSnippetGetMethod {
  readonly capability: typeof mailCapability
  readonly args: SearchSnippetGetArguments
  readonly response: SearchSnippetGetResponse
  readonly '~args': unknown
}
