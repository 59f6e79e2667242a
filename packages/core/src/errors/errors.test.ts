import { describe, expect, it } from 'vitest'
import { AuthenticationError, isAuthenticationError } from './authentication-error.js'
import { ConfigError, isConfigError } from './config-error.js'
import { ContentLineParseError } from './content-line-parse-error.js'
import { HttpStatusError, isHttpStatusError } from './http-status-error.js'
import { isLimitError, LimitError } from './limit-error.js'
import { isRequestProblemError, RequestProblemError } from './request-problem-error.js'
import { isResponseValidationError, ResponseValidationError } from './response-validation-error.js'
import { isSessionError, SessionError } from './session-error.js'
import { isTransportError, TransportError } from './transport-error.js'

const cause = new Error('root cause')
const cases: [string, Error, (value: unknown) => boolean][] = [
  [
    'TransportError',
    new TransportError('x', { failure: 'network', url: 'u' }, { cause }),
    isTransportError,
  ],
  [
    'HttpStatusError',
    new HttpStatusError({ status: 502, url: 'u', contentType: '', bodyExcerpt: '' }, { cause }),
    isHttpStatusError,
  ],
  [
    'RequestProblemError',
    new RequestProblemError({ type: 'urn:ietf:params:jmap:error:notJSON', raw: {} }, 400, {
      cause,
    }),
    isRequestProblemError,
  ],
  [
    'AuthenticationError',
    new AuthenticationError({ status: 401, url: 'u' }, { cause }),
    isAuthenticationError,
  ],
  ['SessionError', new SessionError('invalid', 'x', { cause }), isSessionError],
  [
    'ResponseValidationError',
    new ResponseValidationError('x', { url: 'u' }, { cause }),
    isResponseValidationError,
  ],
  [
    'LimitError',
    new LimitError('x', { limit: 'maxSizeRequest', maximum: 1, actual: 2 }, { cause }),
    isLimitError,
  ],
  ['ConfigError', new ConfigError('x', [], { cause }), isConfigError],
]

describe('ContentLineParseError', () => {
  it('names the format and the line in its message, and keeps line, reason and cause apart', () => {
    const error = new ContentLineParseError('vCard', { line: 4, reason: 'no colon' }, { cause })
    expect(error.message).toBe('vCard line 4: no colon')
    expect([error.name, error.line, error.reason, error.cause]).toEqual([
      'ContentLineParseError',
      4,
      'no colon',
      cause,
    ])
  })
})

describe('thrown errors', () => {
  it.each(cases)(
    '%s has a stable name, a cause, and a guard that only it passes',
    (name, error, guard) => {
      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe(name)
      expect(error.cause).toBe(cause)
      expect(guard(error)).toBe(true)
      for (const [, other] of cases) if (other !== error) expect(guard(other)).toBe(false)
      expect(guard(new Error(name))).toBe(false)
    },
  )
})
