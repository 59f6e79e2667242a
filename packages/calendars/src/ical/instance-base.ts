import type { Event } from '../jscalendar/event.js'
import type { ICalComponent } from '../jscalendar/icalendar-component.js'
import type { Task } from '../jscalendar/task.js'
import { moveToRecurrenceId } from '../recurrence/move-to-recurrence-id.js'

const seriesProperties = new Set(['rrule', 'exrule', 'rdate', 'exdate'])

/**
 * The main object as one recurrence instance starts from: at the recurrence id, without the
 * recurrence rule, the overrides, and the iCalendar leftovers that only describe the series
 * (EXRULE, RDATE markers).
 * Reading and writing overrides both diff or patch against this, so they agree.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.1.2
 */
export function instanceBase(main: Event | Task, recurrenceId: string): Record<string, unknown> {
  const base: Record<string, unknown> = { ...main }
  delete base.recurrenceRule
  delete base.recurrenceOverrides
  moveToRecurrenceId(base, main, recurrenceId)
  const iCalendar = main.iCalendar
  if (iCalendar === undefined) return base
  const trimmed: ICalComponent = { ...iCalendar }
  if (iCalendar.convertedProperties !== undefined) {
    const kept = Object.entries(iCalendar.convertedProperties).filter(
      ([path]) => path !== 'recurrenceRule' && !path.startsWith('recurrenceOverrides/'),
    )
    if (kept.length > 0) trimmed.convertedProperties = Object.fromEntries(kept)
    else delete trimmed.convertedProperties
  }
  if (iCalendar.properties !== undefined) {
    const kept = iCalendar.properties.filter((property) => !seriesProperties.has(property[0]))
    if (kept.length > 0) trimmed.properties = kept
    else delete trimmed.properties
  }
  if (
    trimmed.properties === undefined &&
    trimmed.convertedProperties === undefined &&
    trimmed.components === undefined
  ) {
    delete base.iCalendar
  } else base.iCalendar = trimmed
  return base
}
