import { describe, expect, it } from 'vitest'
import { isLegacyDialectError } from './legacy-dialect-error.js'
import { normaliseLegacyEvent, toLegacyEventCreate, toLegacyEventPatch } from './legacy-event.js'

// CalendarEvent/get on Cyrus 3.6.1 (fixtures/transcripts/cyrus-3.6/23-calendarevent-get.txt).
const cyrus36Event = {
  '@type': 'jsevent',
  start: '2030-01-15T09:00:00',
  timeZone: 'Europe/Berlin',
  duration: 'PT1H',
  showWithoutTime: false,
  uid: 'gg1py6fs3mobc4166o02tbae',
  relatedTo: null,
  prodId: '-//CyrusIMAP.org/Cyrus 3.6.1-Debian-3.6.1-4+deb12u5//EN',
  created: '2026-11-21T22:44:50Z',
  updated: '2026-11-21T22:44:50Z',
  sequence: 0,
  priority: 0,
  title: 'SDK integration test',
  description: 'created over JMAP',
  descriptionContentType: 'text/plain',
  keywords: null,
  links: null,
  locale: null,
  locations: null,
  virtualLocations: null,
  recurrenceRule: null,
  status: 'confirmed',
  freeBusyStatus: 'busy',
  privacy: 'public',
  participants: null,
  useDefaultAlerts: false,
  alerts: null,
  recurrenceOverrides: null,
  participantId: null,
  'x-href': '/dav/calendars/user/test/Default/gg1py6fs3mobc4166o02tbae.ics',
  calendarId: 'Default',
  id: 'gg1py6fs3mobc4166o02tbae',
}

describe('normaliseLegacyEvent', () => {
  it('turns a Cyrus 3.6 jsevent into a standard CalendarEvent', () => {
    const event = normaliseLegacyEvent(cyrus36Event)
    expect(event['@type']).toBe('Event')
    expect(event.calendarIds).toEqual({ Default: true })
    expect(event.isDraft).toBe(false)
    expect(event.isOrigin).toBe(true)
    expect(event).not.toHaveProperty('calendarId')
    expect(event).not.toHaveProperty('participantId')
    expect(event.title).toBe('SDK integration test')
  })

  it('gives the single recurrenceRule its @type', () => {
    const event = normaliseLegacyEvent({
      ...cyrus36Event,
      recurrenceRule: { frequency: 'weekly', count: 5 },
    })
    expect(event.recurrenceRule).toEqual({
      '@type': 'RecurrenceRule',
      frequency: 'weekly',
      count: 5,
    })
  })

  it('derives isOrigin from the organizer and the participant that is the user', () => {
    const invited = {
      ...cyrus36Event,
      replyTo: { imip: 'mailto:boss@example.test' },
      participantId: 'me',
      participants: { me: { roles: { attendee: true } }, boss: { roles: { owner: true } } },
    }
    expect(normaliseLegacyEvent(invited).isOrigin).toBe(false)
    const organised = { ...invited, participantId: 'boss' }
    expect(normaliseLegacyEvent(organised).isOrigin).toBe(true)
  })

  it('does not invent server-set properties on partial objects without an id', () => {
    const partial = normaliseLegacyEvent({ title: 'x' })
    expect(partial).toEqual({ title: 'x' })
  })
})

describe('toLegacyEventCreate', () => {
  it('names the single calendar and the legacy @type, and drops nulls', () => {
    const legacy = toLegacyEventCreate({
      '@type': 'Event',
      calendarIds: { Default: true },
      title: 'Lunch',
      description: null,
      isDraft: false,
      start: '2030-01-15T12:00:00',
    })
    expect(legacy).toEqual({
      '@type': 'jsevent',
      calendarId: 'Default',
      title: 'Lunch',
      start: '2030-01-15T12:00:00',
    })
  })

  it('spells organizer and participant addresses the RFC 8984 way', () => {
    const legacy = toLegacyEventCreate({
      calendarIds: { Default: true },
      organizerCalendarAddress: 'mailto:me@example.test',
      participants: { p1: { '@type': 'Participant', calendarAddress: 'mailto:bob@example.test' } },
    })
    expect(legacy.replyTo).toEqual({ imip: 'mailto:me@example.test' })
    expect(legacy.participants).toEqual({
      // RFC 8984 schedules only participants with the attendee role.
      p1: {
        '@type': 'Participant',
        sendTo: { imip: 'mailto:bob@example.test' },
        roles: { attendee: true },
      },
    })
    expect(legacy).not.toHaveProperty('organizerCalendarAddress')
  })

  it('refuses an event in two calendars or none', () => {
    for (const calendarIds of [{ A: true, B: true }, {}]) {
      let thrown: unknown
      try {
        toLegacyEventCreate({ calendarIds })
      } catch (error) {
        thrown = error
      }
      expect(isLegacyDialectError(thrown)).toBe(true)
    }
  })
})

describe('toLegacyEventPatch', () => {
  it('moves an event to another calendar', () => {
    expect(toLegacyEventPatch({ 'calendarIds/Work': true, 'calendarIds/Default': null })).toEqual({
      calendarId: 'Work',
    })
    expect(toLegacyEventPatch({ calendarIds: { Work: true }, title: 'x' })).toEqual({
      calendarId: 'Work',
      title: 'x',
    })
  })

  it('keeps other patch keys, including recurrence override patches', () => {
    const patch = {
      title: 'renamed',
      'recurrenceOverrides/2030-01-22T09:00:00': { excluded: true },
    }
    expect(toLegacyEventPatch(patch)).toEqual(patch)
  })

  it('refuses a patch that adds two calendars', () => {
    expect(() => toLegacyEventPatch({ 'calendarIds/A': true, 'calendarIds/B': true })).toThrow(
      /exactly one calendar/,
    )
  })
})
