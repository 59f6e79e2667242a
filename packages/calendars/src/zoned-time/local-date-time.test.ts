import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { instantToLocalDateTime, localDateTimeToInstant } from './local-date-time.js'
import { isIanaTimeZone, utcOffsetAt } from './utc-offset.js'

const iso = (instant: number) => new Date(instant).toISOString()

describe('localDateTimeToInstant', () => {
  it('applies winter and summer offsets', () => {
    expect(iso(localDateTimeToInstant('2026-01-01T09:00:00', 'Europe/Berlin'))).toBe(
      '2026-01-01T08:00:00.000Z',
    )
    expect(iso(localDateTimeToInstant('2026-07-01T09:00:00', 'Europe/Berlin'))).toBe(
      '2026-07-01T07:00:00.000Z',
    )
    expect(iso(localDateTimeToInstant('2023-01-01T00:00:00', 'Australia/Melbourne'))).toBe(
      '2022-12-31T13:00:00.000Z',
    )
    expect(iso(localDateTimeToInstant('2026-01-01T09:00:00', 'Etc/UTC'))).toBe(
      '2026-01-01T09:00:00.000Z',
    )
  })

  it('reads a time clocks skip with the offset before the gap (RFC 5545 §3.3.5)', () => {
    // Berlin springs forward 02:00 → 03:00 on 2030-03-31: 02:30 is 03:30 CEST.
    expect(iso(localDateTimeToInstant('2030-03-31T02:30:00', 'Europe/Berlin'))).toBe(
      '2030-03-31T01:30:00.000Z',
    )
    expect(iso(localDateTimeToInstant('2030-03-31T03:30:00', 'Europe/Berlin'))).toBe(
      '2030-03-31T01:30:00.000Z',
    )
  })

  it('reads a time that occurs twice as the first of the two', () => {
    // Berlin falls back 03:00 → 02:00 on 2030-10-27: 02:30 CEST comes first.
    expect(iso(localDateTimeToInstant('2030-10-27T02:30:00', 'Europe/Berlin'))).toBe(
      '2030-10-27T00:30:00.000Z',
    )
    expect(iso(localDateTimeToInstant('2030-11-03T01:30:00', 'America/New_York'))).toBe(
      '2030-11-03T05:30:00.000Z',
    )
  })

  it('gives NaN for a malformed date-time or a zone outside the IANA database', () => {
    expect(localDateTimeToInstant('tomorrow', 'Etc/UTC')).toBeNaN()
    expect(localDateTimeToInstant('2026-01-01T09:00:00Z', 'Etc/UTC')).toBeNaN()
    expect(localDateTimeToInstant('2026-01-01T09:00:00', 'Not/AZone')).toBeNaN()
    expect(localDateTimeToInstant('2026-01-01T09:00:00', 'W. Europe Standard Time')).toBeNaN()
    expect(isIanaTimeZone('+01:00')).toBe(false)
    expect(isIanaTimeZone('US/Eastern')).toBe(true)
  })
})

describe('instantToLocalDateTime', () => {
  it('shows an instant on the zone’s wall clocks', () => {
    expect(instantToLocalDateTime(Date.parse('2030-01-15T08:00:00Z'), 'Europe/Berlin')).toBe(
      '2030-01-15T09:00:00',
    )
    expect(instantToLocalDateTime(Date.parse('2030-10-27T00:30:00Z'), 'Europe/Berlin')).toBe(
      '2030-10-27T02:30:00',
    )
    expect(instantToLocalDateTime(Date.parse('2030-10-27T01:30:00Z'), 'Europe/Berlin')).toBe(
      '2030-10-27T02:30:00',
    )
    expect(instantToLocalDateTime(0, 'Not/AZone')).toBeUndefined()
  })
})

describe('instantToLocalDateTime agrees with ical.js reading a real VTIMEZONE', () => {
  it('matches America/New_York every 31 hours over 2007–2030', () => {
    const text = readFileSync(
      new URL('../../../../../shared/testdata/world/ical/icaljs/New_York.ics', import.meta.url),
      'utf8',
    )
    const component = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')
    expect(component).not.toBeNull()
    const zone = new ICAL.Timezone({ component, tzid: 'America/New_York' })
    let compared = 0
    const differences: string[] = []
    for (
      let instant = Date.UTC(2007, 0, 1);
      instant < Date.UTC(2030, 0, 1);
      instant += 111_600_000
    ) {
      // ical.js converts from UTC with the offset of the UTC time read as local, so it is off
      // for the few hours before each change: those instants are not compared.
      const near = utcOffsetAt(instant - 21_600_000, 'America/New_York')
      if (near !== utcOffsetAt(instant + 21_600_000, 'America/New_York')) continue
      const local = ICAL.Time.fromJSDate(new Date(instant), true).convertToZone(zone)
      const ours = instantToLocalDateTime(instant, 'America/New_York')
      if (ours !== local.toString().slice(0, 19)) differences.push(`${instant}: ${ours} ${local}`)
      compared++
    }
    expect(differences).toEqual([])
    expect(compared).toBeGreaterThan(6_000)
  })
})
