import { describe, expect, it } from 'vitest'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import type { Invocation } from '../protocol/request.js'
import { validateResponseEnvelope } from './response-envelope.js'

const calls: Invocation[] = [
  ['Email/get', { accountId: 'u1', ids: null }, 'g'],
  ['Email/query', { accountId: 'u1' }, 'q'],
]

/** The error `validateResponseEnvelope` throws for `body`, as `{ message, path, callId }`. */
function refusal(body: unknown) {
  try {
    validateResponseEnvelope(body, { url: 'https://jmap.example/api', calls })
  } catch (error) {
    if (!isResponseValidationError(error)) throw error
    return { message: error.message, path: error.path, callId: error.callId }
  }
  return undefined
}

describe('validateResponseEnvelope (RFC 8620 §3.4)', () => {
  it('passes a response with extra members, unknown error types and createdIds', () => {
    const body = {
      methodResponses: [
        ['Email/get', { list: [] }, 'g'],
        ['error', { type: 'brandNewError', description: null, extra: 1 }, 'q'],
      ],
      sessionState: 's1',
      createdIds: { k1: 'M1' },
      extra: true,
    }
    expect(validateResponseEnvelope(body, { url: '', calls })).toBe(body)
  })

  it.each<[string, unknown, { path: string; callId?: string; message: RegExp }]>([
    ['a body that is not an object', 'hi', { path: 'response', message: /expected an object/ }],
    [
      'no methodResponses',
      { sessionState: 's' },
      { path: 'response.methodResponses', message: /expected an array, got undefined/ },
    ],
    [
      'an invocation that is not an array',
      { methodResponses: [{}], sessionState: 's' },
      { path: 'response.methodResponses[0]', callId: 'g', message: /\[name, arguments, call id\]/ },
    ],
    [
      'arguments that are an array',
      { methodResponses: [['Email/query', [], 'q']], sessionState: 's' },
      { path: 'response.methodResponses[0][1]', callId: 'q', message: /expected an object/ },
    ],
    [
      'a call id that is not a string',
      {
        methodResponses: [
          ['Email/get', {}, 'g'],
          ['Email/query', {}, 2],
        ],
        sessionState: 's',
      },
      { path: 'response.methodResponses[1][2]', callId: 'q', message: /expected a string/ },
    ],
    [
      'a method error without a type',
      { methodResponses: [['error', { description: 'x' }, 'q']], sessionState: 's' },
      {
        path: 'response.methodResponses[0][1].type',
        callId: 'q',
        message: /method error without a string type/,
      },
    ],
    [
      'a method error whose description is a number',
      {
        methodResponses: [['error', { type: 'serverFail', description: 5 }, 'g']],
        sessionState: 's',
      },
      { path: 'response.methodResponses[0][1].description', callId: 'g', message: /got a number/ },
    ],
    [
      'no sessionState',
      { methodResponses: [] },
      { path: 'response.sessionState', message: /expected a string, got undefined/ },
    ],
    [
      'createdIds that are not strings',
      { methodResponses: [], sessionState: 's', createdIds: { k1: 1 } },
      { path: 'response.createdIds.k1', message: /expected a string, got a number/ },
    ],
  ])('refuses %s, naming the path and the call', (_case, body, expected) => {
    const found = refusal(body)
    expect(found?.path).toBe(expected.path)
    expect(found?.callId).toBe(expected.callId)
    expect(found?.message).toMatch(expected.message)
  })
})
