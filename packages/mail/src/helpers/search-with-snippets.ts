import type { Filter, Id, JmapClient, UTCDate } from '@typed-jmap/core'
import type { EmailAddress } from '../email/email-address.js'
import type { EmailFilterCondition } from '../email/email-filter.js'
import type { SearchSnippet } from '../search-snippet/search-snippet.js'

type Needed = 'Email/query' | 'Email/get' | 'SearchSnippet/get'

/**
 * Options of {@link searchWithSnippets}.
 *
 * @see RFC 8621 §5
 */
export interface SearchWithSnippetsOptions {
  readonly accountId: string
  readonly filter: Filter<EmailFilterCondition>
  /** Results to return (default 20). */
  readonly limit?: number
  readonly position?: number
}

/**
 * One search hit: the Email's list properties and its highlighted snippet.
 *
 * @see RFC 8621 §5
 */
export interface SearchHit {
  readonly id: Id
  readonly threadId: Id
  readonly from: readonly EmailAddress[] | null
  readonly subject: string | null
  readonly receivedAt: UTCDate
  readonly preview: string
  /** Undefined when the server returned no snippet for this Email. */
  readonly snippet: SearchSnippet | undefined
}

/**
 * The hits of a search, newest first, and the total number of matches.
 *
 * @see RFC 8621 §5
 */
export interface SearchResults {
  readonly total: number | undefined
  readonly hits: readonly SearchHit[]
}

/**
 * Searches in one request: Email/query, Email/get of the hits and SearchSnippet/get with
 * the same filter (`<mark>` highlights), joined by Email id in query order.
 *
 * @see RFC 8621 §5.1
 * @example
 * const { hits } = await searchWithSnippets(jmap, { accountId, filter: { text: 'invoice' } })
 * hits[0]?.snippet?.preview // "…your <mark>invoice</mark> for March…"
 */
export async function searchWithSnippets<TAvailable extends string>(
  client: JmapClient<TAvailable | Needed>,
  options: SearchWithSnippetsOptions,
): Promise<SearchResults> {
  // See findMailboxByRole: the call site checked the client's methods.
  const jmap = client as JmapClient<Needed>
  const { accountId, filter } = options
  const { query, emails, snippets } = await jmap.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter,
      sort: [{ property: 'receivedAt', isAscending: false }],
      position: options.position ?? 0,
      limit: options.limit ?? 20,
      calculateTotal: true,
    })
    const emails = b.call('Email/get', {
      accountId,
      ids: query.ref('/ids'),
      properties: ['threadId', 'from', 'subject', 'receivedAt', 'preview'],
    })
    const snippets = b.call('SearchSnippet/get', {
      accountId,
      filter,
      emailIds: query.ref('/ids'),
    })
    return { query, emails, snippets }
  })
  const emailById = new Map(emails.list.map((email) => [email.id, email]))
  const snippetById = new Map(snippets.list.map((snippet) => [snippet.emailId, snippet]))
  const hits = query.ids.flatMap((id) => {
    const email = emailById.get(id)
    return email === undefined ? [] : [{ ...email, snippet: snippetById.get(id) }]
  })
  return { total: query.total, hits }
}
