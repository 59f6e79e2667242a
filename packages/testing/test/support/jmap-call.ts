import { expect } from 'vitest'
import type { TestServer } from '../../src/server/create-test-server.js'

/** One invocation as the tests write and read them. */
export type Call = [string, Record<string, unknown>, string]

/** The capabilities every test request uses unless it says otherwise. */
export const allCapabilities: readonly string[] = [
  'urn:ietf:params:jmap:core',
  'urn:ietf:params:jmap:mail',
  'urn:ietf:params:jmap:submission',
  'urn:ietf:params:jmap:vacationresponse',
  'urn:ietf:params:jmap:calendars',
  'urn:ietf:params:jmap:tasks',
  'urn:ietf:params:jmap:quota',
  'urn:ietf:params:jmap:mdn',
  'urn:ietf:params:jmap:contacts',
]

/** POSTs a JSON body to the API endpoint of an in-process server, as plain fetch. */
export function postApi(
  server: TestServer,
  body: unknown,
  contentType = 'application/json',
): Promise<Response> {
  return server.fetch('http://jmap.test/jmap/api', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Runs method calls and returns the whole JMAP Response object (asserting HTTP 200). */
export async function request(
  server: TestServer,
  methodCalls: Call[],
  extra: Record<string, unknown> = {},
): Promise<{ methodResponses: Call[]; sessionState: string; createdIds?: Record<string, string> }> {
  const response = await postApi(server, { using: allCapabilities, methodCalls, ...extra })
  expect(response.status).toBe(200)
  return (await response.json()) as { methodResponses: Call[]; sessionState: string }
}

/** Runs method calls and returns just the responses. */
export async function calls(server: TestServer, methodCalls: Call[]): Promise<Call[]> {
  return (await request(server, methodCalls)).methodResponses
}

/** Runs one call and returns the arguments of its first response (its name must be `expectedName`). */
export async function callOne(
  server: TestServer,
  methodCall: Call,
  expectedName: string = methodCall[0],
): Promise<Record<string, unknown>> {
  const [first] = await calls(server, [methodCall])
  expect(first?.[0], JSON.stringify(first)).toBe(expectedName)
  return first?.[1] ?? {}
}

/** Runs one call that must fail, returning the error object. */
export async function callError(
  server: TestServer,
  methodCall: Call,
): Promise<Record<string, unknown>> {
  return callOne(server, methodCall, 'error')
}

/** The server id of a record created under `creationId`, or a test failure. */
export function createdId(args: Record<string, unknown> | undefined, creationId: string): string {
  const created = args?.created as Record<string, { id?: unknown }> | null | undefined
  const id = created?.[creationId]?.id
  if (typeof id !== 'string')
    throw new Error(`nothing created as ${creationId}: ${JSON.stringify(args)}`)
  return id
}
