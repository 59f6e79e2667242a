import { describe, expect, it } from 'vitest'
import type { CalendarDialect } from './calendar-dialect.js'
import { dialectArguments, fromDialectResponse, toDialectRequest } from './dialect-request.js'
import { encodeLegacyEventId } from './legacy-event-id.js'

const legacy: CalendarDialect = {
  name: 'cyrus-legacy',
  server: 'cyrus',
  capability: 'https://cyrusimap.org/ns/jmap/calendars',
  eventFormat: 'rfc8984',
  parseCapability: 'https://cyrusimap.org/ns/jmap/calendars',
  availabilityCapability: undefined,
  hasPrincipals: false,
}

const cyrus310: CalendarDialect = {
  name: 'standard',
  server: 'cyrus',
  capability: 'urn:ietf:params:jmap:calendars',
  eventFormat: 'rfc8984',
  parseCapability: 'https://cyrusimap.org/ns/jmap/calendars',
  availabilityCapability: 'urn:ietf:params:jmap:principals',
  hasPrincipals: true,
}

const standard: CalendarDialect = {
  ...cyrus310,
  server: 'other',
  eventFormat: 'jscalendar-2.0',
  parseCapability: 'urn:ietf:params:jmap:calendars:parse',
  availabilityCapability: 'urn:ietf:params:jmap:principals:availability',
}

describe('toDialectRequest', () => {
  it('sends Cyrus 3.6 the legacy namespace, jsevent creates and UTC bounds', () => {
    const request = toDialectRequest(
      {
        using: [
          'urn:ietf:params:jmap:core',
          'urn:ietf:params:jmap:calendars',
          'urn:ietf:params:jmap:calendars:parse',
        ],
        methodCalls: [
          [
            'CalendarEvent/set',
            { accountId: 'test', create: { e: { calendarIds: { Default: true }, title: 'x' } } },
            's',
          ],
          [
            'CalendarEvent/query',
            {
              accountId: 'test',
              filter: { after: '2030-01-01T00:00:00' },
              timeZone: 'Europe/Berlin',
            },
            'q',
          ],
          [
            'CalendarEvent/get',
            { accountId: 'test', ids: [encodeLegacyEventId('a@b')], properties: ['calendarIds'] },
            'g',
          ],
        ],
      },
      legacy,
    )
    expect(request.using).toEqual([
      'urn:ietf:params:jmap:core',
      'https://cyrusimap.org/ns/jmap/calendars',
    ])
    expect(request.methodCalls).toEqual([
      [
        'CalendarEvent/set',
        {
          accountId: 'test',
          create: { e: { '@type': 'jsevent', calendarId: 'Default', title: 'x' } },
        },
        's',
      ],
      [
        'CalendarEvent/query',
        { accountId: 'test', filter: { after: '2029-12-31T23:00:00Z' } },
        'q',
      ],
      ['CalendarEvent/get', { accountId: 'test', ids: ['a@b'], properties: ['calendarId'] }, 'g'],
    ])
  })

  it('writes RFC 8984 events, inCalendars and no availability accountId for Cyrus 3.10', () => {
    const request = toDialectRequest(
      {
        using: [
          'urn:ietf:params:jmap:principals:availability',
          'urn:ietf:params:jmap:calendars:parse',
        ],
        methodCalls: [
          [
            'CalendarEvent/set',
            { accountId: 'test', update: { E1: { recurrenceRule: null } } },
            's',
          ],
          ['CalendarEvent/query', { accountId: 'test', filter: { inCalendar: 'Default' } }, 'q'],
          ['Principal/getAvailability', { accountId: 'test', id: 'test' }, 'a'],
        ],
      },
      cyrus310,
    )
    expect(request.using).toEqual([
      'urn:ietf:params:jmap:principals',
      'https://cyrusimap.org/ns/jmap/calendars',
    ])
    expect(request.methodCalls).toEqual([
      ['CalendarEvent/set', { accountId: 'test', update: { E1: { recurrenceRules: null } } }, 's'],
      ['CalendarEvent/query', { accountId: 'test', filter: { inCalendars: ['Default'] } }, 'q'],
      ['Principal/getAvailability', { id: 'test' }, 'a'],
    ])
  })

  it('leaves requests to a standard server alone', () => {
    const args = {
      accountId: 'a',
      filter: { inCalendar: 'C' },
      create: { e: { recurrenceRule: {} } },
    }
    expect(dialectArguments('CalendarEvent/query', args, standard)).toEqual(args)
    expect(dialectArguments('CalendarEvent/set', args, standard)).toEqual(args)
  })
})

describe('fromDialectResponse', () => {
  it('gives Cyrus 3.6 uid-ids as valid JMAP Ids', () => {
    const response = fromDialectResponse(
      {
        sessionState: '0',
        methodResponses: [
          ['CalendarEvent/query', { accountId: 'test', ids: ['a@b', 'plain'] }, 'q'],
          ['CalendarEvent/changes', { created: ['a@b'], updated: [], destroyed: ['c@d'] }, 'c'],
          [
            'CalendarEvent/set',
            { created: { e: { id: 'a@b' } }, updated: { 'a@b': null }, destroyed: ['c@d'] },
            's',
          ],
          ['error', { type: 'serverFail' }, 'x'],
        ],
      },
      legacy,
    )
    const [query, changes, set, error] = response.methodResponses
    expect(query?.[1].ids).toEqual([encodeLegacyEventId('a@b'), 'plain'])
    expect(changes?.[1]).toMatchObject({
      created: [encodeLegacyEventId('a@b')],
      destroyed: [encodeLegacyEventId('c@d')],
    })
    expect(set?.[1]).toMatchObject({
      created: { e: { id: encodeLegacyEventId('a@b') } },
      updated: { [encodeLegacyEventId('a@b')]: null },
    })
    expect(error).toEqual(['error', { type: 'serverFail' }, 'x'])
  })
})
