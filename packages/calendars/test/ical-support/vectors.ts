import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Reads the conversion vectors (the project's copy of ../shared/testdata/jscalendar-icalendar,
// never edited): cases of "> test NAME", an input, then one or two "> convert" outputs, in
// iCalendar or JSON shorthand.

/** Where the vectors live. */
export const vectorDirectory: string = fileURLToPath(
  new URL('../vectors/jscalendar-icalendar/', import.meta.url),
)

/** One vector case. */
export interface VectorCase {
  file: string
  name: string
  /** Input, then the expected output of each conversion step. */
  sections: string[]
}

/** Every case of every vector file, in file order. */
export function readVectors(directory: string = vectorDirectory): VectorCase[] {
  const cases: VectorCase[] = []
  for (const file of readdirSync(directory)
    .filter((name) => /^\d+_.*\.txt$/.test(name))
    .sort()) {
    let current: VectorCase | undefined
    for (const line of readFileSync(join(directory, file), 'utf8').split(/\r?\n/)) {
      if (line.startsWith('> test ')) {
        current = { file, name: line.slice(7).trim(), sections: [''] }
        cases.push(current)
      } else if (line.startsWith('> convert')) {
        current?.sections.push('')
      } else if (current !== undefined) {
        current.sections[current.sections.length - 1] += `${line}\n`
      }
    }
  }
  return cases
}

/** Whether a section is JSON (else iCalendar). */
export function isJsonSection(section: string): boolean {
  return /^\s*[{"]/.test(section)
}

/** Parses a JSON section, adding the braces an implicit object leaves out. */
export function parseJsonSection(section: string): Record<string, unknown> {
  const trimmed = section.trim().replace(/,\s*$/, '')
  return JSON.parse(trimmed.startsWith('{') ? trimmed : `{${trimmed}}`) as Record<string, unknown>
}

/**
 * Completes an iCalendar fragment as the draft's example notation says: bare properties sit in
 * a VEVENT, components other than VEVENT/VTODO sit in a VEVENT, everything sits in a VCALENDAR,
 * open components are closed, and a VALARM of a fragment with "..." gets the TRIGGER it elided.
 */
export function completeICalendar(section: string): string {
  const lines = section
    .replace(/\n+$/, '')
    .split('\n')
    .filter((line) => line.trim() !== '...')
  const unfolded = lines.filter((line) => !line.startsWith(' ') && !line.startsWith('\t'))
  const begins = unfolded
    .filter((line) => line.startsWith('BEGIN:'))
    .map((line) => line.slice(6).trim())
  const hasCalendar = begins.includes('VCALENDAR')
  const body = [...lines]
  if (!hasCalendar) {
    body.splice(0, body.length, ...body.filter((line) => line.trim() !== 'END:VCALENDAR'))
    const first = begins[0]
    const firstLine = unfolded[0] ?? ''
    const entryFirst = (first === 'VEVENT' || first === 'VTODO') && firstLine.startsWith('BEGIN:')
    if (!entryFirst) body.unshift('BEGIN:VEVENT')
    body.unshift('BEGIN:VCALENDAR')
  }
  const stack: string[] = []
  const closed: string[] = []
  // "..." in a VALARM stands for its TRIGGER too (RFC 5545 requires one); a stand-in is added
  // where such a fragment shows none.
  const elided = lines.length < section.replace(/\n+$/, '').split('\n').length
  let alarmTrigger = true
  const close = (name: string | undefined): void => {
    if (name === 'VALARM' && !alarmTrigger && elided) closed.push('TRIGGER:-PT15M')
    closed.push(`END:${name}`)
  }
  for (const line of body) {
    if (line.startsWith('BEGIN:')) {
      stack.push(line.slice(6).trim())
      if (line.slice(6).trim() === 'VALARM') alarmTrigger = false
      closed.push(line)
    } else if (line.startsWith('END:')) close(stack.pop())
    else {
      if (line.startsWith('TRIGGER')) alarmTrigger = true
      closed.push(line)
    }
  }
  while (stack.length > 0) close(stack.pop())
  return `${closed.join('\r\n')}\r\n`
}
