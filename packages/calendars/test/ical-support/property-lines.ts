import { type ParsedComponent, parseICalendar } from '../../src/ical/parse-icalendar.js'

// Test support: what iCalendar text holds, counted per component and property name, so a
// conversion can be checked to lose no property line. Components are told apart by name, UID
// (where the input has one: the writer gives one to components without) and RECURRENCE-ID,
// then by order; VTIMEZONEs are left out (the writer adds and maps them on purpose). Values of
// RDATE, EXDATE, CATEGORIES, RESOURCES and FREEBUSY count one by one, as lines may merge or split.

const multiValued = new Set(['rdate', 'exdate', 'categories', 'resources', 'freebusy'])

function collectUids(component: ParsedComponent, uids: Set<unknown>): void {
  for (const property of component.properties)
    if (property.name === 'uid') uids.add(property.values[0])
  for (const sub of component.components) collectUids(sub, uids)
}

function count(
  component: ParsedComponent,
  path: string,
  uids: ReadonlySet<unknown>,
  counts: Map<string, number>,
): void {
  for (const property of component.properties) {
    const key = `${path} ${property.name}`
    const values = multiValued.has(property.name) ? property.values.length : 1
    counts.set(key, (counts.get(key) ?? 0) + values)
  }
  const seen = new Map<string, number>()
  for (const sub of component.components) {
    if (sub.name === 'vtimezone') continue
    const uid = sub.properties.find((property) => property.name === 'uid')?.values[0]
    const recurrence = sub.properties.some((property) => property.name === 'recurrence-id')
    const named = ['vevent', 'vtodo', 'vjournal'].includes(sub.name) && uids.has(uid)
    const base = named ? `${sub.name}[${String(uid)}${recurrence ? ' R' : ''}]` : sub.name
    const index = seen.get(base) ?? 0
    seen.set(base, index + 1)
    count(sub, `${path}/${base}#${index}`, uids, counts)
  }
}

/** Components outside any VCALENDAR, each run in one, as the lenient reader takes them. */
function inCalendars(roots: readonly ParsedComponent[]): ParsedComponent[] {
  const calendars: ParsedComponent[] = []
  let implicit: ParsedComponent | undefined
  for (const root of roots) {
    if (root.name === 'vcalendar') {
      implicit = undefined
      calendars.push(root)
    } else {
      if (implicit === undefined) {
        implicit = { name: 'vcalendar', line: root.line, properties: [], components: [] }
        calendars.push(implicit)
      }
      implicit.components.push(root)
    }
  }
  return calendars
}

/**
 * The property lines `original` has that `converted` lacks, as `path name: before → after`
 * (both texts are read leniently).
 */
export function lostPropertyLines(original: string, converted: string): string[] {
  const before = inCalendars(parseICalendar(original.replace(/^\uFEFF/, ''), () => {}))
  const uids = new Set<unknown>()
  for (const root of before) collectUids(root, uids)
  const counts = (roots: readonly ParsedComponent[]) => {
    const result = new Map<string, number>()
    for (const [index, root] of roots.entries()) count(root, `${root.name}#${index}`, uids, result)
    return result
  }
  const had = counts(before)
  const has = counts(parseICalendar(converted, () => {}))
  const lost: string[] = []
  for (const [key, number] of had) {
    const now = has.get(key) ?? 0
    if (now < number) lost.push(`${key}: ${number} → ${now}`)
  }
  return lost
}
