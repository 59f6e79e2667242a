import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { icsFiles } from '../../test/ical-support/world-corpus.js'
import { parseContentLine } from './content-line.js'
import { designSet } from './design-set.js'

// ical.js is the oracle: parseContentLine must give exactly what ICAL.parse.property gives (or
// throw what it throws) for every line of the real-world corpus and for the odd lines below.
function outcome(parse: () => unknown): unknown {
  try {
    return { jcal: parse() }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** BEGIN and END lines are the parser's, not a property's. */
const isComponentBoundary = (line: string): boolean => /^(?:BEGIN|END):/i.test(line)

// Spying on ical.js tells whether parseContentLine read a line itself or left it to ical.js.
const fallback = vi.spyOn(ICAL.parse, 'property')
afterAll(() => fallback.mockRestore())

/** Whether parseContentLine read the line itself (rather than leaving it to ical.js). */
function agreesWithIcalJs(line: string): boolean {
  fallback.mockClear()
  const ours = outcome(() => parseContentLine(line))
  const readItself = fallback.mock.calls.length === 0
  const theirs = outcome(() => ICAL.parse.property(line, designSet))
  expect(ours, line).toEqual(theirs)
  // Key order too (toEqual ignores it): it decides the order of parts written back.
  expect(JSON.stringify(ours), line).toBe(JSON.stringify(theirs))
  return readItself
}

describe('parseContentLine', () => {
  test('reads every line of the real-world corpus as ical.js does', () => {
    let lines = 0
    let readItself = 0
    for (const path of icsFiles()) {
      const unfolded = readFileSync(path, 'utf8').replace(/\r?\n[ \t]/g, '')
      for (const line of unfolded.split(/\r?\n/)) {
        if (line === '' || isComponentBoundary(line)) continue
        if (agreesWithIcalJs(line)) readItself++
        lines++
      }
    }
    expect(lines).toBeGreaterThan(10_000)
    // The plain way is the fast one: nearly every line must take it (what does not is mostly the
    // corpus's fuzzed garbage, and GEO and REQUEST-STATUS).
    expect(readItself / lines).toBeGreaterThan(0.95)
  }, 60_000)

  test.each([
    'SUMMARY:plain',
    'SUMMARY:a\\, b\\; c\\n d\\\\',
    'summary;language=de:Hallo',
    'ATTENDEE;ROLE=REQ-PARTICIPANT,CHAIR;CN="Doe, Jane":mailto:jane@example.com',
    'ATTENDEE;ROLE="CHAIR,REQ-PARTICIPANT":mailto:a@example.com',
    'ATTENDEE;ROLE=CHAIR;ROLE=OPT-PARTICIPANT:mailto:a@example.com',
    'ATTENDEE;DELEGATED-FROM="mailto:a@example.com","mailto:b@example.com":mailto:c@example.com',
    'ATTENDEE;MEMBER="mailto:list@example.com":mailto:c@example.com',
    'ATTENDEE;MEMBER=mailto:a@example.com,mailto:b@example.com:mailto:c@example.com',
    'ATTENDEE;CN=a"b:mailto:c@example.com',
    'ATTENDEE;CN="a"b;X=1:mailto:c@example.com',
    "ATTENDEE;CN=George Herman ^'Babe^' Ruth:mailto:babe@example.com",
    'ATTENDEE;CN=a\\,b:mailto:c@example.com',
    'ATTENDEE;CN="":mailto:c@example.com',
    'ATTENDEE;CN=:mailto:c@example.com',
    'DTSTART;TZID=Europe/Berlin:20240101T100000',
    'DTSTART;VALUE=DATE:20240101',
    'DTSTART;VALUE=date;VALUE=DATE-TIME:20240101T100000Z',
    'RDATE;VALUE=DATE:20240101,20240102',
    'RDATE:20240101T100000Z/PT1H,20240102T100000Z/20240102T110000Z',
    'RDATE:',
    'EXDATE:20240101T100000Z,20240102T100000Z',
    'CATEGORIES:a,b\\,c,,d',
    'RESOURCES:',
    'GEO:1.5;2.5',
    'REQUEST-STATUS:2.0;Success',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,TU;UNTIL=20240101T000000Z',
    'X-THING;X-P=1;X-Q="a;b:c":value:with:colons',
    'X-EMPTY:',
    'X-NO-VALUE;X-P=1',
    'X-NO-COLON',
    ';X=1:v',
    ':v',
    'X-A;=1:v',
    'X-A;;X=1:v',
    'X-A;X:v',
    'X-A;X="unclosed:v',
    'CONSTRUCTOR:v',
    'X-A;CONSTRUCTOR=1:v',
    'X-A;__PROTO__=1:v',
    'X-A;VALUE=CONSTRUCTOR:v',
    'PERCENT-COMPLETE:12',
    'GEO;VALUE=TEXT:a',
    'TRIGGER;VALUE=DATE-TIME:20240101T100000Z',
    'SHOW-WITHOUT-TIME:TRUE',
    'TZOFFSETFROM:+0100',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'RRULE:FREQ=MONTHLY;BYDAY=MO,+2TU,MO;BYMONTHDAY=+1,1,-0,0,-31;WKST=MO;INTERVAL=0',
    'RRULE:FREQ=DAILY;COUNT=5;FREQ=WEEKLY;UNTIL=20240101',
    'RRULE:BYSECOND=60;BYMINUTE=0,59;BYHOUR=23;BYYEARDAY=-366;BYWEEKNO=53;BYSETPOS=-1;FREQ=HOURLY',
    'RRULE:FREQ=WEEKLY;BYMONTH=13',
    'RRULE:FREQ=WEEKLY;BYMONTH=1x',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,,TU',
    'RRULE:FREQ=WEEKLY;BYDAY=6MO',
    'RRULE:FREQ=WEEKLY;COUNT=+3',
    'RRULE:FREQ=WEEKLY;COUNT=3x',
    'RRULE:FREQ=WEEKLY;INTERVAL=',
    'RRULE:FREQ=weekly',
    'RRULE:freq=WEEKLY;wkst=su',
    'RRULE:FREQ=WEEKLY;WKST=XX',
    'RRULE:FREQ=WEEKLY;',
    'RRULE:;FREQ=WEEKLY',
    'RRULE:FREQ=WEEKLY;;COUNT=1',
    'RRULE:FREQ=WEEKLY;FOO',
    'RRULE:FREQ=WEEKLY;X-NAME=a=b',
    'RRULE:FREQ=WEEKLY;RSCALE=GREGORIAN;SKIP=OMIT',
    'RRULE:FREQ=WEEKLY;UNTIL=20240101T100000',
    'RRULE:FREQ=WEEKLY;COUNT=99999999999999999999',
    'RRULE:',
    'SUMMARY:a\\xb\\',
    'SUMMARY:\\\\n\\N\\;\\,\\\\',
    'DTSTART:20240101X100000',
    'DTSTART:20241301T250000Z',
    'DTSTART:20240101T100000ZZ',
    'DTSTART:2024010AT100000',
    'DTSTART;VALUE=DATE:2024010',
    'DTSTART;VALUE=DATE:2024O101',
    'DTSTART;VALUE=DATE:20240101T100000',
    'Dtstart;Tzid=Europe/Berlin:20240101T100000',
    'dtSTART;tzID=Europe/Berlin:20240101T100000',
    'DTSTARTX:20240101T100000',
    'DTSTAR:20240101T100000',
    'SUMMARY;LANGUAGE=de;X-ÄÖ=1:a',
    'X-ÄBC;CN=x:y',
  ])('reads %s as ical.js does', (line) => {
    agreesWithIcalJs(line)
  })
})
