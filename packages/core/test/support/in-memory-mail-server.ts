import {
  type AvailableMethods,
  createClient,
  type JmapClient,
  type JmapRequest,
} from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'
import { createTestServer, type TestServer, type TestServerOptions } from '@typed-jmap/testing'

/** A client for the mail methods. */
export type MailClient = JmapClient<AvailableMethods<[typeof mail]>>

/** An in-memory JMAP server with a typed mail client whose API requests are recorded. */
export interface InMemoryMailSetup {
  readonly server: TestServer
  readonly jmap: MailClient
  /** The JMAP requests the client POSTed, in order. */
  readonly posted: JmapRequest[]
}

/** Starts the in-memory server (mail plugins) and a client that talks to it. */
export function inMemoryMailSetup(options: TestServerOptions = {}): InMemoryMailSetup {
  const server = createTestServer(options)
  const posted: JmapRequest[] = []
  const recording: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    if (request.method === 'POST' && request.url.endsWith('/api')) {
      posted.push((await request.clone().json()) as JmapRequest)
    }
    return server.fetch(request)
  }
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: recording,
    capabilities: [mail],
  })
  return { server, jmap, posted }
}
