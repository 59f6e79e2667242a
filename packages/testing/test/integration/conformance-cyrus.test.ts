import { describeOnServer } from '../../../../scripts/integration/servers.js'
import { cyrusKnownDeviations, defineConformanceSuite } from '../conformance/conformance-suite.js'

// The same conformance suite as src/conformance.test.ts, against Cyrus 3.10.
describeOnServer('cyrus-3.10', 'testing: conformance suite', (server) => {
  const authorization = `Basic ${btoa(`${server.user.username}:${server.user.password}`)}`
  defineConformanceSuite(() => ({
    name: server.name,
    sessionUrl: server.sessionUrl,
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string> | undefined), authorization },
      }),
    knownDeviations: cyrusKnownDeviations,
  }))
})
