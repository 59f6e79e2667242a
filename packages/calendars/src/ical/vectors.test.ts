import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  fragmentMismatches,
  icalendarMismatches,
} from '../../test/ical-support/semantic-comparison.js'
import {
  completeICalendar,
  isJsonSection,
  parseJsonSection,
  readVectors,
  vectorDirectory,
} from '../../test/ical-support/vectors.js'
import type { Group } from '../jscalendar/group.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { jscalendarToICalendar } from './jscalendar-to-icalendar.js'

// The vectors come from another implementation (Stalwart's calcard). Where it chose differently
// from draft-ietf-calext-jscalendar-icalendar-25, the draft wins here and the case is listed as a
// known difference, with the reason; every other step must match. A known difference that starts
// to match fails too, so this list cannot go stale.
const triggerless =
  'vector makes a VALARM without TRIGGER an Alert without trigger, which JSCalendar (trigger is mandatory) and so the export refuse; this converter keeps such a VALARM as iCalendar and warns'
const knownDifferences: Record<string, string> = {
  'ATTACH with FMTTYPE #1':
    'vector writes "data:base64,…" without the media type and keeps VALUE=BINARY; the draft (§3.3.3) puts FMTTYPE in the data URL, and this converter needs no marker to write BINARY back',
  'ATTACH #1':
    'vector records the property name of every link; this converter records it only when rel would lead back to another property',
  'IMAGE #1': 'the draft (§3.3.24) sets rel "icon" for IMAGE, the vector omits rel',
  'LINK #1': 'vector records the property name of every link (see ATTACH)',
  'ATTACH with JSPROP #1': 'vector records the property name of every link (see ATTACH)',
  'LINK, ATTACH and IMAGE together #1':
    'rel "icon" on IMAGE and recorded link names (see IMAGE, ATTACH)',
  'VALARM - TRIGGER (absolute) #1':
    'vector keeps VALUE=DATE-TIME as a parameter (under a key that is no JSCalendar path, without the mandatory "name"); an AbsoluteTrigger implies it',
  'VALARM - RELATED-TO #1': 'same TRIGGER;VALUE=DATE-TIME marker as above',
  'ATTENDEE #1':
    'the draft (§3.3.31) gives the ORGANIZER participant the "owner" role; the vector does not',
  'ATTENDEE property and PARTICIPANT component #1':
    'owner role on the organizer (§3.3.31), and CALENDAR-ADDRESS is only marked when no ATTENDEE has that address',
  'ATTENDEE with VTODO-specific participation status #1': 'owner role on the organizer (§3.3.31)',
  'ORGANIZER #1': 'owner role on the organizer (§3.3.31)',
  'ORGANIZER and ATTENDEE #1': 'owner role on the organizer (§3.3.31)',
  'ORGANIZER also is ATTENDEE #1': 'owner role on the organizer (§3.3.31)',
  'LOCATION and multiple VLOCATION #1':
    'vector marks every VLOCATION with iCalendar {name}; this converter marks only a name-only one, which would otherwise come back as LOCATION',
  'Unsupported object #1': 'vector leaves out the mandatory "name" of the ICalProperty for SUMMARY',
  'VEVENT with VTIMEZONE #1':
    'the draft (§3.3.46) converts URL to a link with rel "describedby"; the vector keeps it unconverted',
  'Coordinates URI #1':
    'vector escapes "," and ";" in COORDINATES, whose value type is URI (RFC 9073), where they are not escaped',
  'VALARM - ACKNOWLEDGED #1': triggerless,
  'VALARM - DISPLAY #1': triggerless,
  'VALARM - AUDIO #1': triggerless,
  'VALARM - JSPROP #1': triggerless,
  'Coordinates URI #2':
    'vector marks the VLOCATION with iCalendar {name} (see LOCATION and multiple VLOCATION)',
}

const vectors = readVectors()
const passed = { toJSCalendar: 0, toICalendar: 0 }
const total = { toJSCalendar: 0, toICalendar: 0 }

function wrapEntry(json: Record<string, unknown>): Group {
  if (json['@type'] === 'Group') return json as unknown as Group
  const entry = { '@type': 'Event', uid: 'vector-uid', ...json }
  return { '@type': 'Group', entries: [entry] } as unknown as Group
}

describe('jscalendar-icalendar vectors', () => {
  for (const vector of vectors) {
    test(`${vector.file}: ${vector.name}`, () => {
      const [input = '', ...outputs] = vector.sections
      let current: { json?: Group; ical?: string } = isJsonSection(input)
        ? { json: wrapEntry(parseJsonSection(input)) }
        : { ical: completeICalendar(input) }
      const failures: string[] = []
      const unexpectedPasses: string[] = []
      outputs.forEach((expected, index) => {
        const step = `${vector.name} #${index + 1}`
        let mismatches: string[]
        if (current.ical !== undefined) {
          total.toJSCalendar++
          const group = icalendarToJSCalendar(current.ical)
          const json = parseJsonSection(expected)
          mismatches = fragmentMismatches(
            json['@type'] === 'Group'
              ? (group as unknown as Record<string, unknown>)
              : (group.entries[0] as unknown as Record<string, unknown>),
            json,
          )
          if (mismatches.length === 0) passed.toJSCalendar++
          current = { json: group }
        } else {
          total.toICalendar++
          const text = jscalendarToICalendar(current.json as Group)
          mismatches = icalendarMismatches(text, completeICalendar(expected))
          if (mismatches.length === 0) passed.toICalendar++
          current = { ical: text }
        }
        const known = knownDifferences[step]
        if (known === undefined && mismatches.length > 0)
          failures.push(`${step}: ${mismatches.join('; ')}`)
        if (known !== undefined && mismatches.length === 0) unexpectedPasses.push(step)
      })
      expect(failures).toEqual([])
      expect(unexpectedPasses).toEqual([])
    })
  }
  test('reports how many conversion steps match', () => {
    // Printed for the record; the per-case tests above are what fail.
    process.stdout.write(
      `vectors: iCalendar → JSCalendar ${passed.toJSCalendar}/${total.toJSCalendar}, JSCalendar → iCalendar ${passed.toICalendar}/${total.toICalendar}\n`,
    )
    expect(total.toJSCalendar + total.toICalendar).toBeGreaterThan(70)
  })
})

// The project keeps its own copy of the vectors; it must stay byte-for-byte the shared original.
describe('the vector copy', () => {
  const shared = fileURLToPath(
    new URL('../../../../../shared/testdata/jscalendar-icalendar/', import.meta.url),
  )
  test.runIf(existsSync(shared))('equals ../shared/testdata/jscalendar-icalendar', () => {
    for (const file of readdirSync(shared)) {
      expect(readFileSync(join(vectorDirectory, file), 'utf8'), file).toBe(
        readFileSync(join(shared, file), 'utf8'),
      )
    }
  })
})
