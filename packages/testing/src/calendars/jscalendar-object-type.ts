import type { DataType, RecordComparator, RecordContext } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import { jsCalendarCommonProperties } from './jscalendar-common-properties.js'
import { utcInstant } from './utc-instant.js'

/**
 * What differs between the two JSCalendar-backed data types (CalendarEvent and Task); the rest
 * of their DataType is the same and is built by {@link jsCalendarObjectType}.
 */
export interface JSCalendarObjectSpec
  extends Pick<DataType, 'name' | 'capability' | 'idPrefix' | 'idReferences'> {
  /** The JSCalendar `@type` every record has. */
  readonly jsCalendarType: 'Event' | 'Task'
  /** JMAP properties around the JSCalendar object (`calendarIds`, `taskListId`, …). */
  readonly jmapProperties: readonly string[]
  /** JSCalendar properties only this `@type` has (`duration`, `due`, …). */
  readonly ownProperties: readonly string[]
  /**
   * UTC properties computed at read time from a local date-time of the record; each returns
   * that LocalDateTime (or undefined when the record has none).
   */
  readonly utcProperties: Readonly<Record<string, (record: JsonObject) => string | undefined>>
  /** Properties `/get` leaves out unless asked for, besides the UTC ones (`iCalendar` for events). */
  readonly notReturnedByDefault?: readonly string[]
  /** Computes other properties on read (as {@link DataType.read}). */
  readonly read?: DataType['read']
  /** Defaults beyond the shared ones (`@type`, `isDraft`, `title`, `sequence`, …). */
  readonly defaults: Readonly<JsonObject>
  /** Properties the server sets besides the computed UTC ones. */
  readonly serverSet?: readonly string[]
  /** Checks of the type's own properties; the `@type` check is shared. */
  readonly validate: (record: JsonObject, context: RecordContext) => string[]
  /** Filter properties beyond the shared text ones (`text`, `title`, `description`, `uid`). */
  readonly filterProperties: readonly string[]
  /** Tests the type's own filter properties; the shared text ones are tested first. */
  readonly matches: (record: JsonObject, condition: JsonObject, context: RecordContext) => boolean
  /** Sort properties beyond the shared ones (`start`, `uid`, `created`, `updated`, `title`). */
  readonly comparators: Readonly<Record<string, RecordComparator>>
  /** Arguments of `/get`, `/set`, `/query` and `/queryChanges` beyond the shared `timeZone`. */
  readonly extraArguments?: DataType['extraArguments']
  readonly methods: DataType['methods']
  readonly beforeDestroy?: DataType['beforeDestroy']
}

/**
 * Adds an ISO 8601 duration (weeks, days, hours, minutes, seconds) to a LocalDateTime. Nominal
 * days are added on the local clock, as RFC 8984 §1.4.6 asks, so the caller converts to UTC after.
 *
 * @see RFC 8984 §1.4.6
 */
export function localEnd(start: string, duration: string): string {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration)
  const date = new Date(`${start}Z`)
  if (match === null || Number.isNaN(date.getTime())) return start
  const [, w = '0', d = '0', h = '0', m = '0', s = '0'] = match
  date.setUTCSeconds(
    date.getUTCSeconds() +
      Number(s) +
      60 * Number(m) +
      3600 * Number(h) +
      86400 * (Number(d) + 7 * Number(w)),
  )
  return date.toISOString().replace(/\.\d{3}Z$/, '')
}

/**
 * The time zone a record's local date-times are in: its own `timeZone`, or for a floating
 * record the method's `timeZone` argument (default `Etc/UTC`).
 *
 * @see draft-ietf-jmap-calendars §5 (utcStart, CalendarEvent/get timeZone)
 */
export function recordTimeZone(record: JsonObject, context: RecordContext): string {
  if (typeof record.timeZone === 'string') return record.timeZone
  return typeof context.args.timeZone === 'string' ? context.args.timeZone : 'Etc/UTC'
}

/** A LocalDateTime of `record` as a UTCDateTime string, converted with {@link recordTimeZone}. */
function utcDateTime(local: string, record: JsonObject, context: RecordContext): string | null {
  const instant = utcInstant(local, recordTimeZone(record, context))
  return Number.isNaN(instant) ? null : new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** An IANA zone the platform knows, or a custom one the record defines in `timeZones`. */
function isKnownTimeZone(timeZone: unknown, record: JsonObject): boolean {
  if (typeof timeZone !== 'string') return false
  if (isJsonObject(record.timeZones) && Object.hasOwn(record.timeZones, timeZone)) return true
  return !Number.isNaN(utcInstant('2000-01-01T00:00:00', timeZone))
}

const lower = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '')

/** The text conditions Events and Tasks share: substring, case-insensitive; `uid` exact. */
function matchesText(record: JsonObject, condition: JsonObject): boolean {
  const contains = (value: unknown, wanted: unknown): boolean =>
    typeof wanted !== 'string' || lower(value).includes(wanted.toLowerCase())
  return (
    contains(record.title, condition.title) &&
    contains(record.description, condition.description) &&
    contains(`${lower(record.title)} ${lower(record.description)}`, condition.text) &&
    (typeof condition.uid !== 'string' || record.uid === condition.uid)
  )
}

/**
 * A CalendarEvent or Task data type: JSCalendar JSON stored as sent (vendor properties too),
 * both JSCalendar 1.0 and draft names accepted, `uid` made when absent and immutable after, the
 * UTC properties computed in the record's time zone and only returned when asked for.
 *
 * @see RFC 8984, draft-ietf-jmap-calendars §5, draft-ietf-jmap-tasks §4
 */
export function jsCalendarObjectType(spec: JSCalendarObjectSpec): DataType {
  const utcNames = Object.keys(spec.utcProperties)
  const jsCalendarProperties = [...jsCalendarCommonProperties, ...spec.ownProperties]
  const properties = [...spec.jmapProperties, ...utcNames, ...jsCalendarProperties]
  return {
    name: spec.name,
    capability: spec.capability,
    idPrefix: spec.idPrefix,
    properties,
    serverSet: [...utcNames, ...(spec.serverSet ?? [])],
    immutable: ['uid'],
    defaults: {
      '@type': spec.jsCalendarType,
      isDraft: false,
      title: '',
      sequence: 0,
      timeZone: null,
      showWithoutTime: false,
      ...spec.defaults,
    },
    // "not included by default and must be requested explicitly" (utcStart, utcEnd, utcDue).
    defaultGetProperties: properties.filter(
      (property) =>
        !utcNames.includes(property) && !(spec.notReturnedByDefault ?? []).includes(property),
    ),
    ...(spec.idReferences === undefined ? {} : { idReferences: spec.idReferences }),
    methods: spec.methods,
    // JSCalendar allows vendor-specific properties ("example.com:foo").
    isDynamicProperty: (property) => property.includes(':'),
    read(record, property, context) {
      const localOf = spec.utcProperties[property]
      if (localOf === undefined) return spec.read?.(record, property, context)
      const local = localOf(record)
      return local === undefined ? null : utcDateTime(local, record, context)
    },
    validate(record, context) {
      const invalid = spec.validate(record, context)
      if (record['@type'] !== spec.jsCalendarType) invalid.push('@type')
      if (record.timeZone !== null && !isKnownTimeZone(record.timeZone, record))
        invalid.push('timeZone')
      return invalid
    },
    create: (record, context) => ({
      ...record,
      uid:
        typeof record.uid === 'string' ? record.uid : `${context.runtime.newId('uid')}@jmap.test`,
    }),
    ...(spec.beforeDestroy === undefined ? {} : { beforeDestroy: spec.beforeDestroy }),
    filterProperties: ['text', 'title', 'description', 'uid', ...spec.filterProperties],
    // `after` and `before` are LocalDateTimes read in the query's timeZone (a trailing `Z` or an
    // offset is not allowed), as Cyrus 3.10 also enforces.
    invalidFilterValues: (condition) =>
      ['after', 'before'].filter(
        (property) =>
          condition[property] !== undefined &&
          (typeof condition[property] !== 'string' ||
            !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(condition[property])),
      ),
    matches: (record, condition, context) =>
      matchesText(record, condition) && spec.matches(record, condition, context),
    comparators: {
      start: compareProperty('start'),
      uid: compareProperty('uid'),
      created: compareProperty('created'),
      updated: compareProperty('updated'),
      title: compareProperty('title'),
      ...spec.comparators,
    },
    extraArguments: {
      get: ['timeZone', ...(spec.extraArguments?.get ?? [])],
      set: spec.extraArguments?.set ?? [],
      query: ['timeZone', ...(spec.extraArguments?.query ?? [])],
      queryChanges: ['timeZone', ...(spec.extraArguments?.queryChanges ?? [])],
    },
  }
}
