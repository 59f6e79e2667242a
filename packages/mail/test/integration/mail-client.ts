import { type AvailableMethods, createClient, type JmapClient } from '@typed-jmap/core'
import type { TestServer } from '../../../../scripts/integration/servers.js'
import { mail, mdn, submission, vacationResponse } from '../../src/index.js'

const mailTables: readonly [typeof mail, typeof submission, typeof vacationResponse, typeof mdn] = [
  mail,
  submission,
  vacationResponse,
  mdn,
]

/** A client with every capability Cyrus offers of this package. */
export type MailTestClient = JmapClient<AvailableMethods<typeof mailTables>>

/** A typed client for a test server whose fetch counts the API requests (POSTs). */
export interface CountingMailClient {
  readonly jmap: MailTestClient
  readonly apiRequests: () => number
}

function createMailClient(server: TestServer, fetchImpl: typeof fetch): MailTestClient {
  return createClient({
    sessionUrl: server.sessionUrl,
    auth: { basic: server.user },
    fetch: fetchImpl,
    capabilities: mailTables,
  })
}

/** Creates a client for the server's main user, counting API requests. */
export function countingMailClient(server: TestServer): CountingMailClient {
  let posts = 0
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const url = input instanceof Request ? input.url : String(input)
    if (method.toUpperCase() === 'POST' && !url.includes('/upload/')) posts++
    return fetch(input, init)
  }
  return { jmap: createMailClient(server, counting), apiRequests: () => posts }
}

/** Polls `probe` until it returns a value other than undefined, for at most `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** A unique marker for one test run, usable in subjects and search terms. */
export function uniqueWord(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}
