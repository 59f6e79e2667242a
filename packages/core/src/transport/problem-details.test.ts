import { describe, expect, it } from 'vitest'
import { readProblemDetails } from './problem-details.js'

describe('readProblemDetails', () => {
  it('reads Cyrus problem details with a limit', () => {
    const problem = readProblemDetails({
      type: 'urn:ietf:params:jmap:error:limit',
      title: 'JMAP request exceeds a server limit',
      status: 400,
      limit: 'maxCallsInRequest',
    })
    expect(problem).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      status: 400,
      limit: 'maxCallsInRequest',
    })
  })

  it('reads problem details without a status', () => {
    const problem = readProblemDetails(
      '{"type":"urn:ietf:params:jmap:error:notJSON","detail":"bad"}',
    )
    expect(problem).toMatchObject({ type: 'urn:ietf:params:jmap:error:notJSON', detail: 'bad' })
    expect(problem?.status).toBeUndefined()
  })

  it('reads a problem sent as plain text', () => {
    const problem = readProblemDetails(
      'error urn:ietf:params:jmap:error:limit: limit maxSizeRequest exceeded',
    )
    expect(problem).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxSizeRequest',
    })
  })

  it('keeps unknown problem types and extension members', () => {
    const problem = readProblemDetails({ type: 'urn:example:brandNew', extra: 1 })
    expect(problem?.type).toBe('urn:example:brandNew')
    expect(problem?.raw.extra).toBe(1)
  })

  it('returns undefined for bodies that are no problem', () => {
    expect(readProblemDetails('<html><body>Bad Gateway</body></html>')).toBeUndefined()
    expect(readProblemDetails({ message: 'nope' })).toBeUndefined()
    expect(readProblemDetails(undefined)).toBeUndefined()
  })
})
