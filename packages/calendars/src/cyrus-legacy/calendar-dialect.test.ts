import { describe, expect, it } from 'vitest'
import { detectCalendarDialect } from './calendar-dialect.js'

// Session capabilities as recorded from each server (fixtures/transcripts/cyrus-<version>/02-session.json).
const recordedCapabilities = {
  '3.6': [
    'urn:ietf:params:jmap:core',
    'https://cyrusimap.org/ns/jmap/quota',
    'https://cyrusimap.org/ns/jmap/performance',
    'https://cyrusimap.org/ns/jmap/debug',
    'https://cyrusimap.org/ns/jmap/blob',
    'https://cyrusimap.org/ns/jmap/usercounters',
    'urn:ietf:params:jmap:mail',
    'https://cyrusimap.org/ns/jmap/mail',
    'urn:ietf:params:jmap:submission',
    'urn:ietf:params:jmap:vacationresponse',
    'urn:ietf:params:jmap:mdn',
    'https://cyrusimap.org/ns/jmap/contacts',
    'https://cyrusimap.org/ns/jmap/calendars',
    'https://cyrusimap.org/ns/jmap/backup',
    'https://cyrusimap.org/ns/jmap/sieve',
  ],
  '3.10': [
    'urn:ietf:params:jmap:core',
    'https://cyrusimap.org/ns/jmap/quota',
    'https://cyrusimap.org/ns/jmap/blob',
    'urn:ietf:params:jmap:mail',
    'urn:ietf:params:jmap:submission',
    'https://cyrusimap.org/ns/jmap/contacts',
    'urn:ietf:params:jmap:calendars',
    'urn:ietf:params:jmap:principals',
    'urn:ietf:params:jmap:calendars:preferences',
    'https://cyrusimap.org/ns/jmap/calendars',
    'https://cyrusimap.org/ns/jmap/sieve',
  ],
} as const

function recordedSession(version: '3.6' | '3.10'): { capabilities: Record<string, unknown> } {
  const capabilities: Record<string, unknown> = {}
  for (const urn of recordedCapabilities[version]) capabilities[urn] = {}
  capabilities['https://cyrusimap.org/ns/jmap/calendars'] =
    version === '3.10' ? { isRFC: true } : {}
  return { capabilities }
}

describe('detectCalendarDialect', () => {
  it('finds the legacy namespace on Cyrus 3.6', () => {
    expect(detectCalendarDialect(recordedSession('3.6'))).toEqual({
      name: 'cyrus-legacy',
      server: 'cyrus',
      capability: 'https://cyrusimap.org/ns/jmap/calendars',
      eventFormat: 'rfc8984',
      parseCapability: 'https://cyrusimap.org/ns/jmap/calendars',
      availabilityCapability: undefined,
      hasPrincipals: false,
    })
  })

  it('finds the standard URN with Cyrus quirks on Cyrus 3.10', () => {
    expect(detectCalendarDialect(recordedSession('3.10'))).toEqual({
      name: 'standard',
      server: 'cyrus',
      capability: 'urn:ietf:params:jmap:calendars',
      eventFormat: 'rfc8984',
      parseCapability: 'https://cyrusimap.org/ns/jmap/calendars',
      availabilityCapability: 'urn:ietf:params:jmap:principals',
      hasPrincipals: true,
    })
  })

  it('speaks plain JSCalendar 2.0 to a server that is not Cyrus', () => {
    expect(
      detectCalendarDialect({
        capabilities: {
          'urn:ietf:params:jmap:calendars': {},
          'urn:ietf:params:jmap:calendars:parse': {},
          'urn:ietf:params:jmap:principals': {},
          'urn:ietf:params:jmap:principals:availability': {},
        },
      }),
    ).toMatchObject({
      name: 'standard',
      server: 'other',
      eventFormat: 'jscalendar-2.0',
      parseCapability: 'urn:ietf:params:jmap:calendars:parse',
      availabilityCapability: 'urn:ietf:params:jmap:principals:availability',
    })
  })

  it('answers undefined for a server without calendars', () => {
    expect(detectCalendarDialect({ capabilities: { 'urn:ietf:params:jmap:core': {} } })).toBe(
      undefined,
    )
  })
})
