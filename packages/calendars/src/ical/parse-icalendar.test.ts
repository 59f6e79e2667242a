import { describe, expect, test } from 'vitest'
import { type ParsedComponent, parseICalendar } from './parse-icalendar.js'

// The reader takes most lines where they stand in the input and names components from a table;
// these inputs take the other ways too (spellings the table does not have, folded lines, no
// newline at the end) and must read the same.
function outline(component: ParsedComponent): unknown {
  return [
    component.name,
    component.line,
    component.properties.map((property) => [property.name, property.line, ...property.values]),
    component.components.map(outline),
  ]
}

function read(lines: readonly string[], end = '\r\n'): unknown {
  return parseICalendar(lines.join(end)).map(outline)
}

describe('parseICalendar', () => {
  const expected = [
    ['vcalendar', 1, [['version', 2, '2.0']], [['vevent', 3, [['uid', 4, 'a']], []]]],
  ]

  test.each([
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'END:VEVENT', 'END:VCALENDAR'],
    ['begin:vcalendar', 'version:2.0', 'Begin:VEvent', 'uid:a', 'end:vevent', 'End:VCalendar'],
    ['BEGIN: VCALENDAR ', 'VERSION:2.0', 'BEGIN:VEVENT\t', 'UID:a', 'END: VEVENT', 'END:VCALENDAR'],
    ['BEGıN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'END:VEVENT', 'END:VCALENDAR'],
  ])('reads %s… as the same components', (...lines) => {
    expect(read(lines)).toEqual(expected)
    expect(read(lines, '\n')).toEqual(expected)
    expect(parseICalendar(`${lines.join('\r\n')}\r\n`).map(outline)).toEqual(expected)
  })

  test('reads folded lines, the last one too, with the line they start on', () => {
    const lines = ['BEGIN:VCALENDAR', 'BEGIN:X-THING', 'SUMMARY:a', ' b', '\tc', 'END:X-THING']
    const text = `${lines.join('\r\n')}\r\nEND:VCALENDA\r\n R`
    expect(parseICalendar(text).map(outline)).toEqual([
      ['vcalendar', 1, [], [['x-thing', 2, [['summary', 3, 'abc']], []]]],
    ])
  })

  test('names a component the table lacks as the line spells it, lowercased', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:X-Custom\r\nEND:x-custom\r\nEND:VCALENDAR'
    expect(parseICalendar(text).map(outline)).toEqual([
      ['vcalendar', 1, [], [['x-custom', 2, [], []]]],
    ])
  })

  test('refuses an END that closes another component, with the line', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR'
    expect(() => parseICalendar(text)).toThrow(
      expect.objectContaining({
        line: 3,
        reason: 'END:VTODO does not close BEGIN:VEVENT (line 2)',
      }),
    )
  })
})
