import { validateWithSchema } from '@typed-jmap/core/internal'
import { describe, expect, it } from 'vitest'
import { calendars } from '../capabilities/calendars-registry.js'

// `utcStart`/`utcEnd` are typed present in the response of a CalendarEvent/get that asked for
// them (CalendarEventAsAskedFor); the response check must then refuse an answer without them.

const runtime = calendars.methods['CalendarEvent/get']

function validate(args: Record<string, unknown>, event: Record<string, unknown>) {
  const schema = typeof runtime.response === 'function' ? runtime.response(args) : runtime.response
  return validateWithSchema(schema, {
    accountId: 'a1',
    state: 's1',
    list: [{ id: 'E1', ...event }],
    notFound: [],
  })
}

const asked = { accountId: 'a1', ids: ['E1'], properties: ['title', 'utcStart', 'utcEnd'] }

describe('CalendarEvent/get response: computed properties that were asked for', () => {
  it('accepts them when the server sends them', () => {
    const result = validate(asked, {
      title: 'Standup',
      utcStart: '2031-07-01T08:00:00Z',
      utcEnd: '2031-07-01T09:30:00Z',
    })
    expect(result.ok).toBe(true)
  })

  it('refuses an answer without utcStart, naming it', () => {
    const result = validate(asked, { title: 'Standup', utcEnd: '2031-07-01T09:30:00Z' })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.path).toContain('utcStart')
  })

  it('refuses an answer without utcEnd, naming it', () => {
    const result = validate(asked, { title: 'Standup', utcStart: '2031-07-01T08:00:00Z' })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.path).toContain('utcEnd')
  })

  it('does not ask for them when they were not requested', () => {
    const result = validate({ accountId: 'a1', ids: ['E1'], properties: ['title'] }, { title: 'x' })
    expect(result.ok).toBe(true)
  })

  it('still checks their type when they are sent', () => {
    const result = validate(asked, {
      title: 'x',
      utcStart: 'tomorrow',
      utcEnd: '2031-07-01T09:30:00Z',
    })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.path).toContain('utcStart')
  })
})
