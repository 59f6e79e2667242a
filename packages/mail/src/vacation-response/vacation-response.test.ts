import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { VacationResponseSchema } from './vacation-response.js'

describe('VacationResponseSchema', () => {
  it('parses the singleton and reads absent texts as null', () => {
    const parsed = v.parse(VacationResponseSchema, {
      id: 'singleton',
      isEnabled: true,
      fromDate: '2014-10-30T14:12:00Z',
    })
    expect(parsed).toEqual({
      id: 'singleton',
      isEnabled: true,
      fromDate: '2014-10-30T14:12:00Z',
      toDate: null,
      subject: null,
      textBody: null,
      htmlBody: null,
    })
  })

  it('rejects another id and a local date', () => {
    expect(v.safeParse(VacationResponseSchema, { id: 'v1', isEnabled: false }).success).toBe(false)
    const local = { id: 'singleton', isEnabled: true, fromDate: '2014-10-30T14:12:00' }
    expect(v.safeParse(VacationResponseSchema, local).success).toBe(false)
  })
})
