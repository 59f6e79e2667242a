import type { MethodRuntime } from '@typed-jmap/core'
import { validateWithSchema } from '@typed-jmap/core/internal'
import { type FixtureEntry, listFixtures, responseBody } from '@typed-jmap/fixtures'
import { describe, expect, it } from 'vitest'
import { mailCapabilities } from './mail-capabilities.js'

const runtimes = new Map<string, MethodRuntime>(
  mailCapabilities.flatMap((table) => Object.entries(table.methods)),
)

function responseSchema(method: string, args: Readonly<Record<string, unknown>>) {
  const runtime = runtimes.get(method)
  if (runtime === undefined) throw new Error(`no runtime entry for ${method}`)
  return typeof runtime.response === 'function' ? runtime.response(args) : runtime.response
}

/** Validates every mail method response of a fixture against the arguments of its call. */
function validateFixture(entry: FixtureEntry): { readonly path: string; readonly ok: boolean }[] {
  const calls = new Map(
    (entry.fixture.request?.body === undefined
      ? []
      : (entry.fixture.request.body as { methodCalls: [string, Record<string, unknown>, string][] })
          .methodCalls
    ).map(([, args, callId]) => [callId, args]),
  )
  return responseBody(entry).methodResponses.flatMap(([name, args, callId], index) => {
    if (!runtimes.has(name)) return []
    const result = validateWithSchema(responseSchema(name, calls.get(callId) ?? {}), args)
    const issuePath = result.ok
      ? undefined
      : result.issues[0]?.path
          ?.map((item) => String(typeof item === 'object' ? item.key : item))
          .join('/')
    return [{ path: `${index}/${issuePath ?? ''}`, ok: result.ok }]
  })
}

// The RFC §2.6 example elides all but two properties of its second Mailbox ("...").
const expectedFailures = new Map([
  ['mail/rfc8621/2.6-mailbox-get', '0/list/1/parentId'],
  ['mail/edge/get-response-missing-state', '0/state'],
])

describe('mail runtime tables on the fixtures', () => {
  const entries = [
    ...listFixtures({ area: 'mail', source: 'rfc8621' }),
    ...listFixtures({ area: 'mail', source: 'edge' }),
  ]

  it('covers the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(19)
  })

  it.each(entries.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    const results = validateFixture(entry)
    expect(results.length).toBeGreaterThan(0)
    const failures = results.filter((result) => !result.ok).map((result) => result.path)
    const expected = expectedFailures.get(id)
    expect(failures).toEqual(expected === undefined ? [] : [expected])
  })
})

describe('Email/get response schema', () => {
  const args = { properties: ['header:List-POST:asURLs', 'htmlBody'], bodyProperties: ['type'] }

  it('checks header properties against their form', () => {
    const schema = responseSchema('Email/get', args)
    const response = {
      accountId: 'a',
      state: 's',
      list: [{ id: 'M1', 'header:List-POST:asURLs': 'mailto:x', htmlBody: [] }],
      notFound: [],
    }
    expect(validateWithSchema(schema, response).ok).toBe(false)
    const fixed = { ...response, list: [{ ...response.list[0], 'header:List-POST:asURLs': null }] }
    expect(validateWithSchema(schema, fixed).ok).toBe(true)
  })

  it('checks body parts against bodyProperties only', () => {
    const schema = responseSchema('Email/get', args)
    const part = (type: unknown) => ({
      accountId: 'a',
      state: 's',
      list: [{ id: 'M1', 'header:List-POST:asURLs': null, htmlBody: [{ type }] }],
      notFound: [],
    })
    expect(validateWithSchema(schema, part('text/html')).ok).toBe(true)
    expect(validateWithSchema(schema, part(7)).ok).toBe(false)
  })

  it('checks the default properties when none are given', () => {
    const schema = responseSchema('Email/get', {})
    const response = { accountId: 'a', state: 's', list: [{ id: 'M1' }], notFound: [] }
    expect(validateWithSchema(schema, response).ok).toBe(false)
  })
})

describe('Email/parse response schema', () => {
  it('accepts null for the store properties of a parsed message', () => {
    const schema = responseSchema('Email/parse', { properties: ['id', 'mailboxIds', 'subject'] })
    const response = {
      accountId: 'a',
      parsed: { B1: { id: null, mailboxIds: null, subject: 'Hi' } },
      notParsable: [],
      notFound: [],
    }
    expect(validateWithSchema(schema, response).ok).toBe(true)
    const wrong = { ...response, parsed: { B1: { id: null, mailboxIds: null, subject: 1 } } }
    expect(validateWithSchema(schema, wrong).ok).toBe(false)
  })
})
