import { isObject, type JsonObject } from './legacy-calendar.js'
import { localDateTimeToUtc } from './local-date-time-to-utc.js'

/**
 * Translates a standard CalendarEvent/query filter for Cyrus's legacy namespace (3.6):
 * `inCalendar` becomes `inCalendars: [id]`, and the LocalDateTime bounds `after`/`before` (read
 * in the call's `timeZone`) become the UTC date-times the legacy namespace expects. Operators
 * are translated recursively.
 *
 * @see draft-ietf-jmap-calendars §5.11.1
 * @example toLegacyEventFilter({ after: '2030-01-01T00:00:00', inCalendar: 'Default' }, 'Etc/UTC')
 *   // { after: '2030-01-01T00:00:00Z', inCalendars: ['Default'] }
 */
export function toLegacyEventFilter(filter: JsonObject, timeZone: string): JsonObject {
  return mapConditions(filter, (key, value, condition) => {
    if ((key === 'after' || key === 'before') && typeof value === 'string') {
      condition[key] = localDateTimeToUtc(value, timeZone)
      return true
    }
    return renameInCalendar(key, value, condition)
  })
}

/**
 * Translates a standard CalendarEvent/query filter for Cyrus 3.8–3.12, which reads the
 * calendar condition only as the pre-standard `inCalendars: [id]` (and answers
 * `invalidArguments` to `inCalendar`).
 *
 * @example toCyrusEventFilter({ inCalendar: 'Default', uid: 'x' }) // { inCalendars: ['Default'], uid: 'x' }
 */
export function toCyrusEventFilter(filter: JsonObject): JsonObject {
  return mapConditions(filter, renameInCalendar)
}

type ConditionRewrite = (key: string, value: unknown, condition: JsonObject) => boolean

function renameInCalendar(key: string, value: unknown, condition: JsonObject): boolean {
  if (key !== 'inCalendar' || typeof value !== 'string') return false
  condition.inCalendars = [value]
  return true
}

function mapConditions(filter: JsonObject, rewrite: ConditionRewrite): JsonObject {
  if (typeof filter.operator === 'string' && Array.isArray(filter.conditions)) {
    return {
      operator: filter.operator,
      conditions: filter.conditions.map((condition: unknown) =>
        isObject(condition) ? mapConditions(condition, rewrite) : condition,
      ),
    }
  }
  const condition: JsonObject = {}
  for (const [key, value] of Object.entries(filter)) {
    if (!rewrite(key, value, condition)) condition[key] = value
  }
  return condition
}
