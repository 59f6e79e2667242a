import {
  type Event,
  normalizePartialJSCalendar,
  type OpenOccurrenceRange,
  occursBetween,
  type RecurrenceRule,
} from '@typed-jmap/calendars'
import type { DataType } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import type { TestServerPlugin } from '../server/server-runtime.js'
import { jsCalendarCommonProperties } from './jscalendar-common-properties.js'

/**
 * Whether any occurrence of a stored event overlaps a query's `after`/`before` range. The store
 * keeps RFC 8984 shapes; each of its `recurrenceRules` is expanded (`excludedRecurrenceRules` is
 * not honoured).
 */
function inRange(record: JsonObject, range: OpenOccurrenceRange): boolean {
  if (typeof record.start !== 'string') return false
  const event = normalizePartialJSCalendar(record) as unknown as Event
  const rules = Array.isArray(record.recurrenceRules)
    ? (record.recurrenceRules as RecurrenceRule[])
    : []
  const variants =
    rules.length <= 1 ? [event] : rules.map((rule) => ({ ...event, recurrenceRule: rule }))
  try {
    return variants.some((variant) => occursBetween(variant, range))
  } catch {
    // A bound that is not a date-time matches nothing.
    return false
  }
}

/** The JMAP Calendars capability URN. */
export const calendarsCapability = 'urn:ietf:params:jmap:calendars'

const calendarRights = {
  mayReadFreeBusy: true,
  mayReadItems: true,
  mayWriteAll: true,
  mayWriteOwn: true,
  mayUpdatePrivate: true,
  mayRSVP: true,
  mayShare: true,
  mayDelete: true,
}

const calendarType: DataType = {
  name: 'Calendar',
  capability: calendarsCapability,
  idPrefix: 'C',
  properties: [
    'id',
    'name',
    'description',
    'color',
    'sortOrder',
    'isSubscribed',
    'isVisible',
    'isDefault',
    'includeInAvailability',
    'defaultAlertsWithTime',
    'defaultAlertsWithoutTime',
    'timeZone',
    'shareWith',
    'myRights',
  ],
  serverSet: ['myRights', 'isDefault'],
  defaults: {
    description: null,
    color: null,
    sortOrder: 0,
    isSubscribed: true,
    isVisible: true,
    includeInAvailability: 'all',
    defaultAlertsWithTime: null,
    defaultAlertsWithoutTime: null,
    timeZone: null,
    shareWith: null,
  },
  methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
  read: (record, property) =>
    property === 'myRights'
      ? calendarRights
      : property === 'isDefault'
        ? (record.isDefault ?? false)
        : undefined,
  validate: (record) => (typeof record.name === 'string' && record.name !== '' ? [] : ['name']),
  filterProperties: [],
  comparators: { sortOrder: compareProperty('sortOrder'), name: compareProperty('name') },
}

const jsCalendarEventProperties = [...jsCalendarCommonProperties, 'duration', 'status']

/** Adds an ISO 8601 duration (days, hours, minutes, seconds; weeks) to a local date-time string. */
function endOf(start: string, duration: string): string {
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

const calendarEventType: DataType = {
  name: 'CalendarEvent',
  capability: calendarsCapability,
  idPrefix: 'V',
  properties: [
    'id',
    'calendarIds',
    'isDraft',
    'isOrigin',
    'utcStart',
    'utcEnd',
    'mayInviteSelf',
    'mayInviteOthers',
    'hideAttendees',
    ...jsCalendarEventProperties,
  ],
  serverSet: ['isOrigin', 'utcStart', 'utcEnd'],
  immutable: ['uid'],
  defaults: {
    '@type': 'Event',
    isDraft: false,
    title: '',
    duration: 'PT0S',
    showWithoutTime: false,
    status: 'confirmed',
    freeBusyStatus: 'busy',
    privacy: 'public',
    sequence: 0,
    timeZone: null,
  },
  idReferences: { calendarIds: 'idMap' },
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  // JSCalendar allows vendor-specific properties ("example.com:foo").
  isDynamicProperty: (property) => property.includes(':'),
  read(record, property) {
    if (typeof record.start !== 'string') return undefined
    if (property === 'utcStart') return `${record.start}Z`
    if (property === 'utcEnd') return `${endOf(record.start, String(record.duration ?? 'PT0S'))}Z`
    if (property === 'isOrigin') return true
    return undefined
  },
  validate(record, context) {
    const invalid: string[] = []
    const calendars = context.account.store('Calendar')
    if (
      !isJsonObject(record.calendarIds) ||
      Object.keys(record.calendarIds).length === 0 ||
      Object.keys(record.calendarIds).some((id) => !calendars.has(id))
    ) {
      invalid.push('calendarIds')
    }
    if (
      typeof record.start !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(record.start)
    )
      invalid.push('start')
    if (record['@type'] !== 'Event') invalid.push('@type')
    return invalid
  },
  create: (record, context) => ({
    ...record,
    uid: typeof record.uid === 'string' ? record.uid : `${context.runtime.newId('uid')}@jmap.test`,
  }),
  // `inCalendar` is the latest draft's; `inCalendars` is earlier drafts' (Cyrus still reads it).
  filterProperties: [
    'inCalendar',
    'inCalendars',
    'after',
    'before',
    'text',
    'title',
    'description',
    'location',
    'owner',
    'attendee',
    'uid',
  ],
  extraArguments: { query: ['timeZone'], queryChanges: ['timeZone'] },
  matches(record, condition, context) {
    const text = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '')
    const queryZone = typeof context.args.timeZone === 'string' ? context.args.timeZone : 'Etc/UTC'
    const inCalendar = (id: unknown): boolean =>
      isJsonObject(record.calendarIds) && record.calendarIds[String(id)] === true
    if (typeof condition.inCalendar === 'string' && !inCalendar(condition.inCalendar)) return false
    if (
      Array.isArray(condition.inCalendars) &&
      !condition.inCalendars.some(
        (id) => isJsonObject(record.calendarIds) && record.calendarIds[String(id)] === true,
      )
    )
      return false
    // A recurring event matches when any instance does (moved and added ones included, excluded
    // ones not); a floating event is read in the query's zone.
    const range: OpenOccurrenceRange = { timeZone: queryZone }
    if (typeof condition.after === 'string') range.after = condition.after
    if (typeof condition.before === 'string') range.before = condition.before
    if ((range.after !== undefined || range.before !== undefined) && !inRange(record, range))
      return false
    if (
      typeof condition.title === 'string' &&
      !text(record.title).includes(condition.title.toLowerCase())
    )
      return false
    if (
      typeof condition.description === 'string' &&
      !text(record.description).includes(condition.description.toLowerCase())
    )
      return false
    if (
      typeof condition.text === 'string' &&
      !`${text(record.title)} ${text(record.description)}`.includes(condition.text.toLowerCase())
    )
      return false
    if (typeof condition.uid === 'string' && record.uid !== condition.uid) return false
    return true
  },
  comparators: {
    start: compareProperty('start'),
    uid: compareProperty('uid'),
    created: compareProperty('created'),
    updated: compareProperty('updated'),
    title: compareProperty('title'),
  },
}

/**
 * JMAP Calendars (draft-ietf-jmap-calendars): Calendar and CalendarEvent with
 * JSCalendar objects stored as JSON.
 *
 * @see draft-ietf-jmap-calendars
 */
export const calendarsPlugin: TestServerPlugin = {
  name: 'calendars',
  capabilities: {
    [calendarsCapability]: {
      session: {},
      account: {
        maxCalendarsPerEvent: null,
        minDateTime: '1900-01-01T00:00:00Z',
        maxDateTime: '2100-01-01T00:00:00Z',
        maxExpandedQueryDuration: 'P370D',
        maxParticipantsPerEvent: null,
        mayCreateCalendar: true,
      },
    },
  },
  dataTypes: [calendarType, calendarEventType],
}
