import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { sessionBody } from '../../test/support/local-http-server.js'
import { issuePath } from '../connection/issue-path.js'
import { methodErrorSchema } from '../method-errors/method-error-schema.js'
import { sessionProblem } from './session-problem.js'
import { sessionSchema } from './session-schema.js'

/** The first problem of a session body, as the SessionError reports it. */
function problemOf(body: unknown): string | undefined {
  const problem = sessionProblem(body)
  return problem && `${issuePath(problem.path, 'session')}: ${problem.message}`
}

const core = 'session.capabilities["urn:ietf:params:jmap:core"]'
const account = (fields: Record<string, unknown>) =>
  sessionBody({
    accounts: {
      u1: { name: 'n', isPersonal: true, isReadOnly: false, accountCapabilities: {}, ...fields },
    },
  })

describe('sessionProblem (RFC 8620 §2)', () => {
  it('accepts a complete session, with members it does not know', () => {
    expect(problemOf(sessionBody({ extra: [1] }, { maxSizeUpload: 0, vendorLimit: 'x' }))).toBe(
      undefined,
    )
  })

  it.each<[string, unknown, string]>([
    ['a body that is not an object', [], 'session: expected an object, got an array'],
    [
      'capabilities missing',
      sessionBody({ capabilities: undefined }),
      'session.capabilities: expected an object, got undefined',
    ],
    [
      'no core capability',
      sessionBody({ capabilities: {} }),
      `${core}: expected an object, got undefined`,
    ],
    [
      'a limit that is not a number',
      sessionBody({}, { maxCallsInRequest: '3' }),
      `${core}.maxCallsInRequest: expected a number, got "3"`,
    ],
    [
      'a fractional limit',
      sessionBody({}, { maxObjectsInGet: 1.5 }),
      `${core}.maxObjectsInGet: must be an integer of at most 2^53-1`,
    ],
    [
      'a limit beyond 2^53-1',
      sessionBody({}, { maxSizeRequest: 2 ** 53 }),
      `${core}.maxSizeRequest: must be an integer of at most 2^53-1`,
    ],
    [
      'a zero request limit',
      sessionBody({}, { maxConcurrentRequests: 0 }),
      `${core}.maxConcurrentRequests: must be at least 1, or no request could be sent`,
    ],
    [
      'a negative upload size',
      sessionBody({}, { maxSizeUpload: -1 }),
      `${core}.maxSizeUpload: must not be negative`,
    ],
    [
      'a collation that is not a string',
      sessionBody({}, { collationAlgorithms: ['i;ascii-casemap', 7] }),
      `${core}.collationAlgorithms[1]: expected a string, got a number`,
    ],
    [
      'an account flag that is not a boolean',
      account({ isReadOnly: 'no' }),
      'session.accounts.u1.isReadOnly: expected a boolean, got "no"',
    ],
    [
      'an account without a name',
      account({ name: null }),
      'session.accounts.u1.name: expected a string, got null',
    ],
    [
      'account capabilities that are not an object',
      account({ accountCapabilities: [] }),
      'session.accounts.u1.accountCapabilities: expected an object, got an array',
    ],
    [
      'a primary account that is not a string',
      sessionBody({ primaryAccounts: { 'urn:ietf:params:jmap:mail': 1 } }),
      'session.primaryAccounts["urn:ietf:params:jmap:mail"]: expected a string, got a number',
    ],
    [
      'no apiUrl',
      sessionBody({ apiUrl: undefined }),
      'session.apiUrl: expected a string, got undefined',
    ],
    ['no state', sessionBody({ state: 3 }), 'session.state: expected a string, got a number'],
  ])('names the path and the problem of %s', (_case, body, problem) => {
    expect(problemOf(body)).toBe(problem)
  })
})

describe('sessionSchema (the same checks, as a valibot schema)', () => {
  it('parses a session and names the path of a problem in its message', () => {
    expect(v.parse(sessionSchema, sessionBody()).apiUrl).toBe('/jmap/')
    const failed = v.safeParse(sessionSchema, sessionBody({ apiUrl: 1 }))
    expect(failed.success).toBe(false)
    expect(failed.issues?.[0]?.message).toBe('session.apiUrl: expected a string, got a number')
  })
})

describe('methodErrorSchema (the check of every method error, as a valibot schema)', () => {
  it('passes unknown types and extra members, refuses a missing type or a bad description', () => {
    expect(v.parse(methodErrorSchema, { type: 'brandNew', extra: 1 })).toEqual({
      type: 'brandNew',
      extra: 1,
    })
    expect(v.safeParse(methodErrorSchema, { description: 'x' }).issues?.[0]?.message).toMatch(
      /^arguments\.type: method error without a string type/,
    )
    expect(
      v.safeParse(methodErrorSchema, { type: 'serverFail', description: 3 }).issues?.[0]?.message,
    ).toBe('arguments.description: expected a string, got a number')
    expect(v.safeParse(methodErrorSchema, null).success).toBe(false)
  })
})
