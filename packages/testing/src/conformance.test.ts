import { defineConformanceSuite } from '../test/conformance/conformance-suite.js'
import { createTestServer } from './server/create-test-server.js'

// The conformance suite against the in-memory server; the same suite runs
// against Cyrus 3.10 in test/integration/conformance-cyrus.test.ts.
defineConformanceSuite(() => {
  const server = createTestServer()
  server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
  return {
    name: 'in-memory',
    sessionUrl: server.sessionUrl,
    fetch: (input, init) => server.fetch(input, init),
    knownDeviations: new Map(),
  }
})
