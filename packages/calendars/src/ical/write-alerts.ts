import type { Alert } from '../jscalendar/alert.js'
import type { JCalComponent } from '../jscalendar/icalendar-component.js'
import { ComponentWriter } from './component-writer.js'
import { derivedAlertKey } from './read-alarm.js'

const alertKeys = new Set(['@type', 'trigger', 'acknowledged', 'relatedTo', 'action', 'iCalendar'])

/**
 * Writes Alerts as VALARM components; a snooze relation names the UID of the alarm it snoozes.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.1
 */
export function writeAlerts(
  alerts: { [id: string]: Alert } | undefined,
  lossless: boolean,
): JCalComponent[] {
  const entries = Object.entries(alerts ?? {})
  const uidOf = (alert: Alert): string | undefined => {
    const uid = alert.iCalendar?.properties?.find((property) => property[0] === 'uid')?.[3]
    return typeof uid === 'string' ? uid : undefined
  }
  const targets = new Set(entries.flatMap(([, alert]) => Object.keys(alert.relatedTo ?? {})))
  return entries.map(([key, alert], index) => {
    const writer = new ComponentWriter('valarm', alert.iCalendar, lossless)
    const uid = uidOf(alert)
    if (lossless && key !== (uid ?? derivedAlertKey(index))) {
      writer.properties.push(['jsid', {}, 'text', key])
    }
    // A snoozed alarm is found by its UID; give one to an alarm that lacks it.
    if (uid === undefined && targets.has(key)) writer.properties.push(['uid', {}, 'text', key])
    if (alert.action !== undefined)
      writer.add('action', 'action', {}, 'text', alert.action.toUpperCase())
    // iCalendar requires ACTION (and DESCRIPTION for DISPLAY); an Alert without action is a
    // display alert. Marked DERIVED so converting back does not invent `action` or a property.
    const keptAction = alert.iCalendar?.properties?.some((property) => property[0] === 'action')
    const derived = lossless ? { derived: 'TRUE' } : {}
    if (alert.action === undefined && keptAction !== true)
      writer.properties.push(['action', derived, 'text', 'DISPLAY'])
    const hasDescription = alert.iCalendar?.properties?.some(
      (property) => property[0] === 'description',
    )
    if ((alert.action ?? 'display') === 'display' && keptAction !== true && hasDescription !== true)
      writer.properties.push(['description', derived, 'text', 'Reminder'])
    const trigger = alert.trigger as unknown as Record<string, unknown> | undefined
    if (trigger !== undefined) {
      const type = trigger['@type']
      if ((type === undefined || type === 'OffsetTrigger') && typeof trigger.offset === 'string') {
        const parameters =
          typeof trigger.relativeTo === 'string'
            ? { related: trigger.relativeTo.toUpperCase() }
            : {}
        writer.add('trigger', 'trigger', parameters, 'duration', trigger.offset)
      } else if (type === 'AbsoluteTrigger' && typeof trigger.when === 'string') {
        writer.add('trigger', 'trigger', {}, 'date-time', trigger.when.replace(/\.\d+Z$/, 'Z'))
      } else {
        writer.jsprop(['trigger'], trigger)
      }
    }
    if (alert.acknowledged !== undefined) {
      writer.add(
        'acknowledged',
        'acknowledged',
        {},
        'date-time',
        alert.acknowledged.replace(/\.\d+Z$/, 'Z'),
      )
    }
    for (const [target, relation] of Object.entries(alert.relatedTo ?? {})) {
      const related = alerts?.[target]
      const value = related === undefined ? target : (uidOf(related) ?? target)
      const types = Object.keys(relation.relation ?? {})
      const path = `relatedTo/${target.replaceAll('~', '~0').replaceAll('/', '~1')}`
      if (types.length === 0) writer.add(path, 'related-to', {}, 'text', value)
      for (const type of types)
        writer.add(path, 'related-to', { reltype: type.toUpperCase() }, 'text', value)
    }
    writer.unknown(alert, alertKeys)
    return writer.build()
  })
}
