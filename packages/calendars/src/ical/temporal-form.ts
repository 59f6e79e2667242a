import type { JCalParameters } from '../jscalendar/icalendar-component.js'
import type { LocalDateTime } from '../jscalendar/primitives.js'
import type { TimeZoneRules } from './time-zones.js'

/**
 * Which of iCalendar's three forms the dates of one component take: DATE, UTC, or local time
 * (floating, or with a TZID).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.2
 */
export interface TemporalForm {
  kind: 'date' | 'utc' | 'local'
  /** The TZID of the local form; `undefined` is floating. */
  zone: string | undefined
}

/** A LocalDateTime in a form, as jCal: parameters, type and value. */
export function formatTemporal(
  local: LocalDateTime,
  form: TemporalForm,
): { parameters: JCalParameters; type: string; value: string } {
  if (form.kind === 'date') return { parameters: {}, type: 'date', value: local.slice(0, 10) }
  if (form.kind === 'utc') return { parameters: {}, type: 'date-time', value: `${local}Z` }
  return {
    parameters: form.zone === undefined ? {} : { tzid: form.zone },
    type: 'date-time',
    value: local,
  }
}

/** A LocalDateTime in a form, after moving it from its zone to the form's zone. */
export function formatTemporalIn(
  local: LocalDateTime,
  zone: string | undefined,
  form: TemporalForm,
  zones: TimeZoneRules,
): { parameters: JCalParameters; type: string; value: string } {
  const target = form.kind === 'utc' ? 'Etc/UTC' : form.zone
  return formatTemporal(form.kind === 'date' ? local : zones.convert(local, zone, target), form)
}
