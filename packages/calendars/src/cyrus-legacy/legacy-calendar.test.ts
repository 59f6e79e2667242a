import { describe, expect, it } from 'vitest'
import {
  legacyRightsToStandard,
  normaliseLegacyCalendar,
  standardRightsToLegacy,
  toLegacyCalendarWrite,
} from './legacy-calendar.js'

// Calendar/get on Cyrus 3.6.1 (fixtures/transcripts/cyrus-3.6/21-calendar-get.txt).
const cyrus36Calendar = {
  id: 'Default',
  'x-href': '/dav/calendars/user/test/Default',
  name: 'personal',
  sortOrder: 0,
  isVisible: true,
  isSubscribed: true,
  mayReadFreeBusy: true,
  mayReadItems: true,
  mayAddItems: true,
  mayModifyItems: true,
  mayRemoveItems: true,
  mayRename: true,
  mayDelete: true,
  mayAdmin: true,
  shareWith: null,
  scheduleAddressSet: ['mailto:test@internal'],
}

describe('normaliseLegacyCalendar', () => {
  it('moves the flat Cyrus 3.6 rights into myRights', () => {
    const calendar = normaliseLegacyCalendar(cyrus36Calendar)
    expect(calendar.myRights).toEqual({
      mayReadFreeBusy: true,
      mayReadItems: true,
      mayWriteAll: true,
      mayWriteOwn: true,
      mayUpdatePrivate: true,
      mayRSVP: true,
      mayShare: true,
      mayDelete: true,
    })
    expect(calendar).not.toHaveProperty('mayAdmin')
    expect(calendar).not.toHaveProperty('mayAddItems')
    expect(calendar.name).toBe('personal')
    expect(calendar['x-href']).toBe('/dav/calendars/user/test/Default')
  })

  it('translates legacy rights inside shareWith', () => {
    const calendar = normaliseLegacyCalendar({
      ...cyrus36Calendar,
      shareWith: { other: { mayReadItems: true, mayReadFreeBusy: true, mayAdmin: false } },
    })
    expect(calendar.shareWith).toEqual({
      other: {
        mayReadFreeBusy: true,
        mayReadItems: true,
        mayWriteAll: false,
        mayWriteOwn: false,
        mayUpdatePrivate: false,
        mayRSVP: false,
        mayShare: false,
        mayDelete: false,
      },
    })
  })

  it('leaves a standard calendar alone', () => {
    const standard = {
      id: 'Default',
      name: 'personal',
      myRights: legacyRightsToStandard({ mayReadItems: true }),
      shareWith: { bob: legacyRightsToStandard({ mayReadItems: true }) },
    }
    expect(normaliseLegacyCalendar(standard)).toEqual(standard)
  })

  it('only grants write rights when adding, modifying and removing are all allowed', () => {
    const rights = legacyRightsToStandard({ mayAddItems: true, mayModifyItems: true })
    expect(rights.mayWriteAll).toBe(false)
    expect(rights.mayUpdatePrivate).toBe(true)
  })
})

describe('standard rights written to Cyrus 3.6', () => {
  it('maps write and share rights onto the legacy names', () => {
    expect(
      standardRightsToLegacy({ mayReadItems: true, mayWriteAll: true, mayShare: true }),
    ).toEqual({
      mayReadFreeBusy: false,
      mayReadItems: true,
      mayAddItems: true,
      mayModifyItems: true,
      mayRemoveItems: true,
      mayRename: true,
      mayDelete: false,
      mayAdmin: true,
    })
  })

  it('translates whole and per-principal shareWith writes', () => {
    const write = toLegacyCalendarWrite({
      name: 'Team',
      shareWith: { bob: { mayReadItems: true } },
      'shareWith/carol': { mayReadItems: true, mayWriteOwn: true },
      'shareWith/dave/mayReadItems': true,
    })
    expect(write.name).toBe('Team')
    expect(write.shareWith).toEqual({ bob: standardRightsToLegacy({ mayReadItems: true }) })
    expect(write['shareWith/carol']).toMatchObject({ mayReadItems: true, mayAddItems: true })
    expect(write['shareWith/dave/mayReadItems']).toBe(true)
  })
})
