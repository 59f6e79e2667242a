import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { icsFiles } from '../../test/ical-support/world-corpus.js'
import type { JCalComponent } from '../jscalendar/icalendar-component.js'
import { designSet } from './design-set.js'
import { icalendarToJSCalendar } from './icalendar-to-jscalendar.js'
import { stringifyComponent } from './stringify-jcal.js'

// ical.js is the oracle: stringifyComponent must write exactly what ICAL.stringify.component
// writes, for every calendar of the real-world corpus (as ical.js reads it, and as the converter
// keeps it in iCalendar properties) and for the odd components below.
function agreesWithIcalJs(component: JCalComponent): void {
  expect(stringifyComponent(component)).toBe(ICAL.stringify.component(component, designSet))
}

describe('stringifyComponent', () => {
  test('writes every calendar of the real-world corpus as ical.js does', () => {
    let written = 0
    for (const path of icsFiles()) {
      const text = readFileSync(path, 'utf8')
      let jcal: unknown
      try {
        jcal = ICAL.parse(text)
      } catch {
        continue
      }
      // ical.js gives one component as is, and none or several in an array.
      const parsed = jcal as unknown[]
      const roots = (
        Array.isArray(parsed[0]) || parsed.length === 0 ? parsed : [parsed]
      ) as JCalComponent[]
      for (const root of roots) {
        agreesWithIcalJs(root)
        written++
      }
      try {
        const kept = icalendarToJSCalendar(text).iCalendar?.components ?? []
        for (const component of kept) agreesWithIcalJs(component)
      } catch {
        // Files the converter refuses are covered by ical.js's reading above.
      }
    }
    expect(written).toBeGreaterThan(250)
  }, 60_000)

  const long = 'x'.repeat(74)
  test.each<[string, JCalComponent]>([
    ['an empty component', ['vcalendar', [], []]],
    [
      'parameters to quote and escape',
      [
        'vevent',
        [
          [
            'attendee',
            { cn: 'Doe, Jane', role: ['CHAIR', 'REQ-PARTICIPANT'] },
            'cal-address',
            'mailto:a@example.com',
          ],
          [
            'attendee',
            { cn: 'Say "hi"\n^', 'delegated-to': ['mailto:b@example.com', 'mailto:c@example.com'] },
            'cal-address',
            'mailto:d@example.com',
          ],
          [
            'attendee',
            { member: 'mailto:list@example.com', 'x-p': 'a;b:c' },
            'cal-address',
            'mailto:e@example.com',
          ],
        ],
        [],
      ],
    ],
    [
      'values of every kind',
      [
        'vevent',
        [
          ['summary', {}, 'text', 'a, b; c\nd\\'],
          ['categories', {}, 'text', 'a', 'b,c'],
          ['geo', {}, 'float', [1.5, 2.5]],
          ['request-status', {}, 'text', ['2.0', 'Success']],
          [
            'rrule',
            {},
            'recur',
            { freq: 'WEEKLY', byday: ['MO', 'TU'], until: '2024-01-01T00:00:00Z' },
          ],
          [
            'rdate',
            {},
            'period',
            ['2024-01-01T10:00:00Z', 'PT1H'],
            ['2024-01-02T10:00:00Z', '2024-01-02T11:00:00Z'],
          ],
          ['dtstart', { tzid: 'Europe/Berlin' }, 'date', '2024-01-01'],
          ['x-thing', {}, 'integer', 3],
          ['x-empty', {}, 'text'],
          ['percent-complete', {}, 'integer', 50],
          ['tzoffsetfrom', {}, 'utc-offset', '+01:00'],
        ],
        [['valarm', [['trigger', {}, 'duration', '-PT5M']], []]],
      ],
    ],
    [
      'lines to fold',
      [
        'vevent',
        [
          ['summary', {}, 'text', long],
          ['summary', {}, 'text', `${long}y`],
          ['summary', {}, 'text', `${long}yz`],
          ['summary', {}, 'text', 'ü'.repeat(80)],
          ['summary', {}, 'text', '😀'.repeat(40)],
          ['description', {}, 'text', 'é'],
        ],
        [],
      ],
    ],
  ])('writes %s as ical.js does', (_, component) => {
    agreesWithIcalJs(component)
  })
})
