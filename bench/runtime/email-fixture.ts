// A deterministic stand-in for a recorded Email/query + Email/get of N
// messages with 7 properties, shaped like Cyrus's answers (see
// /work/shared/cyrus transcripts).

/** The properties every contender asks Email/get for. */
export const emailProperties = [
  'id',
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'subject',
  'receivedAt',
] as const

function email(index: number): Record<string, unknown> {
  const id = `M${(index * 7919).toString(16).padStart(24, '0')}`
  return {
    id,
    threadId: `T${(index >> 2).toString(16).padStart(16, '0')}`,
    mailboxIds: { 'a5a8e9b0-inbox': true },
    keywords: index % 3 === 0 ? { $seen: true } : {},
    from: [{ name: `Sender ${index}`, email: `sender${index}@example.test` }],
    subject: `Message number ${index} about the quarterly report – ünïcode`,
    receivedAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString().replace('.000', ''),
  }
}

/** The arguments of the two calls and of their answers for N emails, serialized once. */
export interface EmailFixture {
  readonly count: number
  readonly queryArguments: Record<string, unknown>
  readonly getArguments: Record<string, unknown>
  /** The answer's two argument objects as JSON, for the server to splice call ids around. */
  readonly queryAnswer: string
  readonly getAnswer: string
}

/**
 * Builds the fixture for `count` emails.
 *
 * @example emailFixture(50).queryAnswer
 */
export function emailFixture(count: number): EmailFixture {
  const emails = Array.from({ length: count }, (_, index) => email(index))
  return {
    count,
    queryArguments: {
      accountId: 'test',
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: count,
    },
    getArguments: { accountId: 'test', properties: [...emailProperties] },
    queryAnswer: JSON.stringify({
      accountId: 'test',
      queryState: '42',
      canCalculateChanges: true,
      position: 0,
      ids: emails.map((entry) => entry.id),
      total: count,
    }),
    getAnswer: JSON.stringify({ accountId: 'test', state: '42', list: emails, notFound: [] }),
  }
}

/** The whole JMAP response for a request whose two calls carry these ids. */
export function fixtureResponse(fixture: EmailFixture, queryId: string, getId: string): string {
  return `{"methodResponses":[["Email/query",${fixture.queryAnswer},${JSON.stringify(queryId)}],["Email/get",${fixture.getAnswer},${JSON.stringify(getId)}]],"sessionState":"0"}`
}
