import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CalendarWireSchema } from './calendar-schema.js'
import { normaliseCalendarWire } from './calendar-wire.js'

// Calendar/get as Cyrus 3.10.2 answers it (fixtures/transcripts/cyrus-3.10/29b-sharee-session.txt).
const cyrus310Calendar = {
  id: 'Default',
  name: 'personal',
  description: null,
  sortOrder: 0,
  isVisible: true,
  isSubscribed: true,
  includeInAvailability: 'all',
  timeZone: null,
  myRights: {
    mayReadFreeBusy: true,
    mayReadItems: true,
    mayWriteAll: true,
    mayWriteOwn: true,
    mayUpdatePrivate: true,
    mayRSVP: true,
    mayDelete: false,
    mayAdmin: false,
  },
  shareWith: {
    other: {
      mayReadFreeBusy: true,
      mayReadItems: true,
      mayWriteAll: true,
      mayWriteOwn: true,
      mayUpdatePrivate: true,
      mayRSVP: true,
      mayDelete: false,
      mayAdmin: true,
    },
  },
}

describe('CalendarWireSchema', () => {
  it("reads Cyrus 3.10's mayAdmin as mayShare and fills the defaults it leaves out", () => {
    const calendar = v.parse(CalendarWireSchema, cyrus310Calendar)
    expect(calendar.myRights.mayShare).toBe(false)
    expect(calendar.shareWith?.other?.mayShare).toBe(true)
    expect(calendar.color).toBeNull()
    expect(calendar.defaultAlertsWithTime).toBeNull()
    expect(calendar.isDefault).toBeUndefined()
  })

  it('rejects a calendar whose rights say nothing about sharing', () => {
    const { mayAdmin: _dropped, ...rights } = cyrus310Calendar.myRights
    const result = v.safeParse(CalendarWireSchema, { ...cyrus310Calendar, myRights: rights })
    expect(result.success).toBe(false)
  })

  it('does not give defaults to the server-set part of a /set response', () => {
    expect(normaliseCalendarWire({ id: 'c1', myRights: { mayAdmin: true } })).toEqual({
      id: 'c1',
      myRights: { mayShare: true },
    })
  })
})
