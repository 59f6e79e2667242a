import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { occurrencesBetween } from '../recurrence/index.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// Zones a VTIMEZONE defines under a name that is not IANA, on real files of the world corpus
// (../shared/testdata/world, read-only).
const world = (name: string): string =>
  readFileSync(
    new URL(`../../../../../shared/testdata/world/ical/${name}`, import.meta.url),
    'utf8',
  )

describe('RDATEs in other custom zones (khal/cal_lots_of_timezones.ics)', () => {
  const text = world('khal/cal_lots_of_timezones.ics')
  const [event] = icalendarToJSCalendar(text).entries

  test('land at the same instant in the series’ zone', () => {
    // Europe_Berlin is +02:00 from its DTSTART 2014-03-30 on (its RDATEs add 2015 and 2016):
    // 11:30 in America_Bogota (-05:00) is 18:30 there, 11:30 in IndianReunion (+04:00) 09:30.
    expect(Object.keys(event?.recurrenceOverrides ?? {})).toEqual([
      '2014-04-11T18:30:00',
      '2014-04-13T18:30:00',
      '2014-04-15T18:30:00',
      '2014-04-18T09:30:00',
      '2014-07-07T07:00:00',
    ])
  })

  test('expand to what ical.js gives for the RDATEs in their own zones', () => {
    const root = new ICAL.Component(ICAL.parse(text))
    for (const vtimezone of root.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
    const vevent = root.getAllSubcomponents('vevent')[0] as InstanceType<typeof ICAL.Component>
    const rdates = vevent
      .getAllProperties('rdate')
      .flatMap((rdate) => rdate.getValues() as Array<InstanceType<typeof ICAL.Time>>)
      .map((time) => new Date(time.toUnixTime() * 1000).toISOString())
    ICAL.TimezoneService.reset()
    const berlinOffset = 2 * 3_600_000
    const ours = occurrencesBetween(event!, {
      after: '2014-04-10T00:00:00',
      before: '2014-04-20T00:00:00',
    }).map((occurrence) =>
      new Date(Date.parse(`${occurrence.recurrenceId}Z`) - berlinOffset).toISOString(),
    )
    expect(ours).toEqual(rdates)
  })
})

describe('custom VTIMEZONEs with the rules of an IANA zone', () => {
  test('are read as that zone, and written back under their own TZID (node-ical/bad_ms_tz.ics)', () => {
    const text = world('node-ical/bad_ms_tz.ics')
    const group = icalendarToJSCalendar(text)
    expect(group.entries[0]?.timeZone).toBe('America/New_York')
    const again = jscalendarToICalendar(group)
    expect(again).toContain('DTSTART;TZID=Customized Time Zone:20200825T103500\r\n')
    expect(again.match(/^BEGIN:VTIMEZONE/gm)).toHaveLength(1)
    expect(jscalendarToICalendar(icalendarToJSCalendar(again))).toBe(again)
    // ical.js (an outside reader) sees the same instants in the input and in what was written.
    const instants = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vevent')
        .map((vevent) =>
          (vevent.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toUnixTime(),
        )
    expect(instants(again)).toEqual(instants(text))
  })

  test('a moved event is written in its new zone, not under the kept TZID', () => {
    const group = icalendarToJSCalendar(world('node-ical/bad_ms_tz.ics'))
    const [event] = group.entries
    const moved = { ...group, entries: [{ ...event!, timeZone: 'Europe/Paris' }] }
    expect(jscalendarToICalendar(moved)).toContain('DTSTART;TZID=Europe/Paris:20200825T103500\r\n')
  })

  test('only zones whose changes fall at the same instants match (khal/cal_lots_of_timezones.ics)', () => {
    const text = world('khal/cal_lots_of_timezones.ics')
    const [event, second] = icalendarToJSCalendar(text).entries
    // Europe_London and Europe_Amsterdam have the IANA rules; khal's Europe_Berlin changes an
    // hour early (DTSTART 02:00 in +02:00) and stays custom.
    expect(second?.timeZone).toBe('Europe/London')
    expect(event?.timeZone).toBe('Europe_Berlin')
    expect(Object.keys(event?.recurrenceOverrides ?? {})).toContain('2014-07-07T07:00:00')
  })
})
