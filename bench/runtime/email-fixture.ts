// A deterministic stand-in for a recorded Email/query + Email/get of 500
// messages, shaped like Cyrus's answers (see fixtures/transcripts/cyrus-3.10).

const count = 500

function email(index: number): Record<string, unknown> {
  const id = `M${(index * 7919).toString(16).padStart(24, '0')}`
  return {
    id,
    blobId: `G${id.slice(1)}`,
    threadId: `T${(index >> 2).toString(16).padStart(16, '0')}`,
    mailboxIds: { 'a5a8e9b0-inbox': true },
    keywords: index % 3 === 0 ? { $seen: true } : {},
    size: 2_000 + index * 13,
    receivedAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString().replace('.000', ''),
    messageId: [`msg-${index}@example.test`],
    inReplyTo: index % 5 === 0 ? [`msg-${index - 1}@example.test`] : null,
    references: null,
    sender: null,
    from: [{ name: `Sender ${index}`, email: `sender${index}@example.test` }],
    to: [{ name: 'Test User', email: 'test@localhost' }],
    cc: null,
    bcc: null,
    replyTo: null,
    subject: `Message number ${index} about the quarterly report – ünïcode`,
    sentAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000)
      .toISOString()
      .replace('.000Z', '+00:00'),
    hasAttachment: index % 7 === 0,
    preview: `This is the preview of message ${index}. It mentions zebracorn and several other words to be realistic.`,
  }
}

/** The request every contender sends. */
export const fixtureRequest: {
  using: string[]
  methodCalls: [string, Record<string, unknown>, string][]
} = {
  using: ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail'],
  methodCalls: [
    [
      'Email/query',
      { accountId: 'test', sort: [{ property: 'receivedAt', isAscending: false }], limit: count },
      'q',
    ],
    [
      'Email/get',
      { accountId: 'test', '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } },
      'g',
    ],
  ],
}

const emails = Array.from({ length: count }, (_, index) => email(index))

/** The server's answer, serialized once. */
export const fixtureResponse: string = JSON.stringify({
  methodResponses: [
    [
      'Email/query',
      {
        accountId: 'test',
        queryState: '42',
        canCalculateChanges: true,
        position: 0,
        ids: emails.map((entry) => entry.id),
        total: count,
      },
      'q',
    ],
    ['Email/get', { accountId: 'test', state: '42', list: emails, notFound: [] }, 'g'],
  ],
  sessionState: '0',
})
