import type { Alert } from '../jscalendar/alert.js'
import type { Relation } from '../jscalendar/relation.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import { formatWallClock } from '../zoned-time/index.js'
import { ICalendarParseError } from './icalendar-parse-error.js'
import { ICalendarRecord } from './icalendar-record.js'
import { applyJsprops } from './jsprop.js'
import type { ParsedComponent, ParsedProperty } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { isDerived, parameterText, readTemporal, readText, uniqueKey } from './read-values.js'

/**
 * The key of an alarm that has neither JSID nor UID: its position, so the writer can tell when it
 * may leave JSID out (and the same alarm of an override gets the same key as in the main event).
 */
export function derivedAlertKey(index: number): string {
  return `alert-${index + 1}`
}

/**
 * Converts the VALARMs of a component into `alerts`; RELATED-TO between alarms (snooze) points to
 * the key of the alert whose UID it names. A VALARM without TRIGGER (which RFC 5545 requires, and
 * an Alert too) is no alert: it is kept whole in the owner's `record` and reported to
 * `context.warn`, or refused when strict.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.2.2
 */
export function readAlarms(
  alarms: readonly ParsedComponent[],
  owner: ICalendarRecord,
  context: ReadContext,
): { [id: string]: Alert } {
  const alerts: { [id: string]: Alert } = {}
  const keyByUid = new Map<string, string>()
  const pending: Array<{
    alert: Alert
    related: ParsedProperty[]
    record: ICalendarRecord
    jsprops: ParsedProperty[]
  }> = []
  for (const [index, component] of alarms.entries()) {
    if (!component.properties.some((property) => property.name === 'trigger')) {
      const reason = 'VALARM without TRIGGER'
      if (context.warn === undefined)
        throw new ICalendarParseError({ line: component.line, reason })
      context.warn({
        line: component.line,
        reason: `${reason}; it is kept as iCalendar, not as an alert`,
      })
      owner.component(component)
      continue
    }
    const record = new ICalendarRecord('valarm', context.lossless)
    const alert = { '@type': 'Alert' } as Alert
    const related: ParsedProperty[] = []
    const jsprops: ParsedProperty[] = []
    let jsid: string | undefined
    let uid: string | undefined
    for (const property of component.properties) {
      switch (property.name) {
        case 'action': {
          // ACTION and DESCRIPTION the writer had to add (iCalendar requires them) stand for
          // nothing in the Alert.
          if (isDerived(property)) break
          const action = readText(property).toUpperCase()
          if ((action === 'DISPLAY' || action === 'EMAIL') && alert.action === undefined) {
            alert.action = action.toLowerCase()
            record.converted('action', property, [])
          } else record.unconverted(property)
          break
        }
        case 'trigger':
          if (alert.trigger !== undefined) record.unconverted(property)
          else if (property.type === 'duration') {
            const relativeTo = parameterText(property, 'related')?.toLowerCase()
            alert.trigger = { '@type': 'OffsetTrigger', offset: readText(property) }
            if (relativeTo === 'start' || relativeTo === 'end')
              alert.trigger.relativeTo = relativeTo
            record.converted('trigger', property, ['related'])
          } else {
            const when = readTemporal(property)
            const instant = context.zones.toUtc(when.local, when.zone)
            alert.trigger = {
              '@type': 'AbsoluteTrigger',
              when: `${formatWallClock(instant)}Z`,
            }
            record.converted('trigger', property, ['tzid'])
          }
          break
        case 'acknowledged':
          alert.acknowledged = `${readText(property).slice(0, 19)}Z`
          record.converted('acknowledged', property, [])
          break
        case 'related-to':
          related.push(property)
          break
        case 'uid':
          uid = readText(property)
          record.unconverted(property)
          break
        case 'jsid':
          jsid = readText(property)
          break
        case 'jsprop':
          jsprops.push(property)
          break
        case 'description':
          if (!isDerived(property)) record.unconverted(property)
          break
        default:
          record.unconverted(property)
      }
    }
    for (const sub of component.components) record.component(sub)
    const key = jsid ?? uniqueKey(alerts, uid ?? derivedAlertKey(index))
    setOwnProperty(alerts, key, alert)
    if (uid !== undefined && !keyByUid.has(uid)) keyByUid.set(uid, key)
    pending.push({ alert, related, record, jsprops })
  }
  for (const { alert, related, record, jsprops } of pending) {
    for (const property of related) {
      const target = keyByUid.get(readText(property)) ?? readText(property)
      const relation: Relation = alert.relatedTo?.[target] ?? { '@type': 'Relation' }
      const type = parameterText(property, 'reltype')
      if (type !== undefined)
        relation.relation = { ...relation.relation, [type.toLowerCase()]: true }
      alert.relatedTo = { ...alert.relatedTo, [target]: relation }
      record.converted(
        `relatedTo/${target.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        property,
        ['reltype'],
      )
    }
    const iCalendar = record.build()
    if (iCalendar !== undefined) alert.iCalendar = iCalendar
    applyJsprops(alert as unknown as Record<string, unknown>, jsprops)
  }
  return alerts
}
