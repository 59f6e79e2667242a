import { describe, expect, it } from 'vitest'
import { recurrenceOverridePatch } from './recurrence-override-patch.js'

// The draft's patching example (draft-ietf-jmap-calendars §5.9.1): Tom declined the instance of
// 2025-03-05, which starts an hour later.
const event = {
  recurrenceOverrides: {
    '2025-03-05T09:00:00': {
      start: '2025-03-05T10:00:00',
      'participants/dG9tQGZvb2Jhci5xlLmNvbQ/participationStatus': 'declined',
    },
  },
}

describe('recurrenceOverridePatch', () => {
  it('points into an existing override, escaping "/" in the inner key', () => {
    expect(
      recurrenceOverridePatch(event, '2025-03-05T09:00:00', {
        'participants/em9lQGZvb2GFtcGxlLmNvbQ/participationStatus': 'declined',
      }),
    ).toEqual({
      'recurrenceOverrides/2025-03-05T09:00:00/participants~1em9lQGZvb2GFtcGxlLmNvbQ~1participationStatus':
        'declined',
    })
  })

  it('sends the whole override when a change sets something to null', () => {
    expect(
      recurrenceOverridePatch(event, '2025-03-05T09:00:00', {
        'participants/dG9tQGZvb2Jhci5xlLmNvbQ': null,
      }),
    ).toEqual({
      'recurrenceOverrides/2025-03-05T09:00:00': {
        start: '2025-03-05T10:00:00',
        'participants/dG9tQGZvb2Jhci5xlLmNvbQ/participationStatus': 'declined',
        'participants/dG9tQGZvb2Jhci5xlLmNvbQ': null,
      },
    })
  })

  it('creates a new override whole, and the whole map on an event without overrides', () => {
    expect(recurrenceOverridePatch(event, '2025-03-12T09:00:00', { excluded: true })).toEqual({
      'recurrenceOverrides/2025-03-12T09:00:00': { excluded: true },
    })
    expect(recurrenceOverridePatch({}, '2025-03-12T09:00:00', { excluded: true })).toEqual({
      recurrenceOverrides: { '2025-03-12T09:00:00': { excluded: true } },
    })
  })

  it('escapes "~" before "/"', () => {
    expect(
      recurrenceOverridePatch(event, '2025-03-05T09:00:00', { 'keywords/a~b/c': true }),
    ).toEqual({ 'recurrenceOverrides/2025-03-05T09:00:00/keywords~1a~0b~1c': true })
  })
})
