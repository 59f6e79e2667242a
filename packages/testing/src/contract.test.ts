import { defineContractSuite } from '../test/contract/contract-suite.js'
import { createTestServer } from './server/create-test-server.js'

// The contract suite against the in-memory server, from the 'personal' preset; the same suite
// runs against Cyrus 3.10 in test/integration/contract-cyrus.test.ts.
defineContractSuite(() => {
  const server = createTestServer({ preset: 'personal' })
  return {
    name: 'in-memory',
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    userEmail: 'test@example.com',
    deliver: async (raw) => {
      server.seed.email({ mailboxIds: [server.preset.mailboxes.inbox], raw })
    },
    skips: new Map(),
  }
})
