// Converts a generated 5,000-event iCalendar file (recurrences, overrides, attendees, alarms,
// time zones) both ways and compares with ical.js parsing the same file alone, in one run.
// Run: pnpm bench:ical
import ICAL from 'ical.js'
import { icalendarToJSCalendar, jscalendarToICalendar } from '../src/ical/index.js'

const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney']
const pad = (value: number) => String(value).padStart(2, '0')

function generate(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//typed-jmap//bench//EN']
  for (let index = 0; index < count; index++) {
    const zone = zones[index % zones.length] as string
    const day = `2025${pad((index % 12) + 1)}${pad((index % 28) + 1)}`
    const hour = pad(8 + (index % 10))
    const uid = `event-${index}@bench.example.com`
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTAMP:20250101T000000Z',
      `DTSTART;TZID=${zone}:${day}T${hour}0000`,
      `DTEND;TZID=${zone}:${day}T${hour}4500`,
      `SUMMARY:Meeting ${index}\\, with notes`,
      `DESCRIPTION:Agenda for meeting ${index}.\\nBring the report.`,
      `LOCATION:Room ${index % 40}`,
      'ORGANIZER;CN=Alice Example:mailto:alice@example.com',
      `ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:bob${index % 50}@example.com`,
      'ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:carol@example.com',
      'CATEGORIES:Work,Bench',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Reminder',
      'TRIGGER:-PT15M',
      'END:VALARM',
    )
    if (index % 3 === 0) {
      lines.push('RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE', `EXDATE;TZID=${zone}:${day}T${hour}0000`)
    }
    lines.push('END:VEVENT')
    if (index % 6 === 0) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'DTSTAMP:20250102T000000Z',
        `RECURRENCE-ID;TZID=${zone}:${day}T${hour}0000`,
        `DTSTART;TZID=${zone}:${day}T${pad(Number(hour) + 1)}0000`,
        `DTEND;TZID=${zone}:${day}T${pad(Number(hour) + 1)}4500`,
        `SUMMARY:Meeting ${index} (moved)`,
        'ORGANIZER;CN=Alice Example:mailto:alice@example.com',
        'END:VEVENT',
      )
    }
  }
  lines.push('END:VCALENDAR', '')
  return lines.join('\r\n')
}

function once(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const events = 5000
const text = generate(events)
const rounds = 7
// The two sides run interleaved, round by round, so a busy moment on a shared machine slows both
// alike; the ratio reported is the median of the per-round ratios.
ICAL.parse(text)
icalendarToJSCalendar(text)
const parseTimes: number[] = []
const convertTimes: number[] = []
for (let round = 0; round < rounds; round++) {
  parseTimes.push(once(() => ICAL.parse(text)))
  convertTimes.push(once(() => icalendarToJSCalendar(text)))
}
const parseOnly = mean(parseTimes)
const toJSCalendar = mean(convertTimes)
const ratios = parseTimes.map((parse, round) => (convertTimes[round] as number) / parse)
const group = icalendarToJSCalendar(text)
jscalendarToICalendar(group)
const toICalendar = mean(
  Array.from({ length: rounds }, () => once(() => jscalendarToICalendar(group))),
)
const perSecond = (ms: number) => Math.round((events / ms) * 1000).toLocaleString('en-US')
console.log(
  `${events} events, ${(text.length / 1e6).toFixed(1)} MB of iCalendar, mean of ${rounds} rounds`,
)
console.log(
  `ical.js parse alone:     ${parseOnly.toFixed(0)} ms (${perSecond(parseOnly)} events/s)`,
)
console.log(
  `iCalendar → JSCalendar:  ${toJSCalendar.toFixed(0)} ms (${perSecond(toJSCalendar)} events/s)`,
)
console.log(
  `JSCalendar → iCalendar:  ${toICalendar.toFixed(0)} ms (${perSecond(toICalendar)} events/s)`,
)
console.log(
  `ratio ics → JSCalendar / ical.js parse: ${median(ratios).toFixed(2)}× median of rounds (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≤ 1.5×)`,
)
