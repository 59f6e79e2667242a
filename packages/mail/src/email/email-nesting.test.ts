// A hostile server nesting bodyStructure thousands deep: the typed client must
// fail with a ResponseValidationError, never a RangeError (stack overflow).
import { createClient, Id, isResponseValidationError } from '@typed-jmap/core'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { type StubJmapServer, startStubJmapServer } from '../../test/support/stub-jmap-server.js'
import { mail } from '../capabilities/mail-capabilities.js'
import { EmailBodyPartSchema } from './email-body-part.js'

let stub: StubJmapServer | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

function nestedPart(depth: number): Record<string, unknown> {
  let part: Record<string, unknown> = {
    partId: '1',
    blobId: 'B1',
    type: 'text/plain',
    subParts: null,
  }
  for (let level = 1; level < depth; level++) {
    part = { partId: null, blobId: null, type: 'multipart/mixed', subParts: [part] }
  }
  return part
}

describe('bodyStructure nesting', () => {
  it('accepts 128 levels and refuses 129 without recursing', () => {
    expect(v.safeParse(EmailBodyPartSchema, nestedPart(100)).success).toBe(false) // lacks required members
    const partial = v.safeParse(EmailBodyPartSchema, nestedPart(5000))
    expect(partial.success).toBe(false)
    expect(partial.issues?.[0]?.message).toContain('nested more than 128 levels')
  })

  it('ends Email/get with bodyStructure nested 5,000 deep in a ResponseValidationError', async () => {
    stub = await startStubJmapServer(() => [])
    // The answer is written as text: JSON.stringify itself overflows at this depth.
    let nested = '{"partId":"1","blobId":"B1","type":"text/plain","subParts":null}'
    for (let level = 1; level < 5000; level++) {
      nested = `{"partId":null,"blobId":null,"type":"multipart/mixed","subParts":[${nested}]}`
    }
    const hostileApi: typeof fetch = async (input, init) => {
      const request = new Request(input, init)
      if (request.method !== 'POST') return fetch(request)
      const { methodCalls } = (await request.json()) as { methodCalls: [string, unknown, string][] }
      const callId = methodCalls[0]?.[2]
      const args = `{"accountId":"a1","state":"s1","notFound":[],"list":[{"id":"M1","bodyStructure":${nested}}]}`
      return new Response(
        `{"methodResponses":[["Email/get",${args},"${callId}"]],"sessionState":"s0"}`,
        { headers: { 'content-type': 'application/json' } },
      )
    }
    const jmap = createClient({
      sessionUrl: stub.sessionUrl,
      capabilities: [mail],
      fetch: hostileApi,
    })
    let error: unknown
    try {
      await jmap.request((b) =>
        b.call('Email/get', {
          accountId: Id('a1'),
          ids: [Id('M1')],
          properties: ['id', 'bodyStructure'],
          bodyProperties: ['partId', 'blobId', 'type', 'subParts'],
        }),
      )
    } catch (caught) {
      error = caught
    }
    expect(error).not.toBeInstanceOf(RangeError)
    expect(isResponseValidationError(error)).toBe(true)
    expect(String(error)).toContain('nested more than 128 levels')
  })
})
