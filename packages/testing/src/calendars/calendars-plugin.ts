import type { OpenOccurrenceRange } from '@typed-jmap/calendars'
import type { DataType } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import type { TestServerPlugin } from '../server/server-runtime.js'
import { jsCalendarObjectType, localEnd } from './jscalendar-object-type.js'
import {
  checkExpandRecurrences,
  instanceAt,
  instancesBetween,
  instanceWritePatch,
  isRecurring,
  maxExpandedQueryDays,
  occursInRange,
  parseInstanceId,
} from './recurrence-instances.js'

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

const includesText = (value: unknown, wanted: string): boolean =>
  typeof value === 'string' && value.toLowerCase().includes(wanted.toLowerCase())

/** The `location` filter: the text is in the name or description of one of the locations. */
function locationsMention(record: JsonObject, wanted: string): boolean {
  if (!isJsonObject(record.locations)) return false
  return Object.values(record.locations).some(
    (location) =>
      isJsonObject(location) &&
      (includesText(location.name, wanted) || includesText(location.description, wanted)),
  )
}

/**
 * The `owner` and `attendee` filters: the text is in the name, email or calendar address of a
 * participant with that role (RFC 8984 §4.4.6; a participant without roles attends).
 */
function participantsMention(record: JsonObject, role: string, wanted: string): boolean {
  if (!isJsonObject(record.participants)) return false
  return Object.values(record.participants).some((participant) => {
    if (!isJsonObject(participant)) return false
    const roles = isJsonObject(participant.roles) ? participant.roles : { attendee: true }
    if (roles[role] !== true) return false
    const addresses = isJsonObject(participant.sendTo) ? Object.values(participant.sendTo) : []
    return [participant.name, participant.email, participant.calendarAddress, ...addresses].some(
      (value) => includesText(value, wanted),
    )
  })
}

const calendarEventType: DataType = {
  ...jsCalendarObjectType({
    name: 'CalendarEvent',
    jsCalendarType: 'Event',
    capability: calendarsCapability,
    idPrefix: 'V',
    jmapProperties: [
      'id',
      'baseEventId',
      'calendarIds',
      'isDraft',
      'isOrigin',
      'mayInviteSelf',
      'mayInviteOthers',
      'hideAttendees',
    ],
    ownProperties: ['duration', 'endTimeZone', 'status'],
    utcProperties: {
      utcStart: (record) => (typeof record.start === 'string' ? record.start : undefined),
      utcEnd: (record) =>
        typeof record.start === 'string'
          ? localEnd(record.start, String(record.duration ?? 'PT0S'))
          : undefined,
    },
    serverSet: ['isOrigin', 'baseEventId'],
    read: (record, property) =>
      property === 'isOrigin'
        ? true
        : property === 'baseEventId'
          ? (record.baseEventId ?? null)
          : undefined,
    // "The iCalendar property is also only returned if explicitly requested."
    notReturnedByDefault: ['iCalendar'],
    defaults: {
      duration: 'PT0S',
      status: 'confirmed',
      freeBusyStatus: 'busy',
      privacy: 'public',
    },
    idReferences: { calendarIds: 'idMap' },
    methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
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
      return invalid
    },
    // `inCalendar` is the latest draft's; `inCalendars` is earlier drafts' (Cyrus still reads it).
    filterProperties: [
      'inCalendar',
      'inCalendars',
      'after',
      'before',
      'location',
      'owner',
      'attendee',
    ],
    matches(record, condition, context) {
      const queryZone =
        typeof context.args.timeZone === 'string' ? context.args.timeZone : 'Etc/UTC'
      const inCalendar = (id: unknown): boolean =>
        isJsonObject(record.calendarIds) && record.calendarIds[String(id)] === true
      if (typeof condition.inCalendar === 'string' && !inCalendar(condition.inCalendar))
        return false
      if (Array.isArray(condition.inCalendars) && !condition.inCalendars.some(inCalendar))
        return false
      // A recurring event matches when any instance does (moved and added ones included, excluded
      // ones not); a floating event is read in the query's zone.
      const range: OpenOccurrenceRange = { timeZone: queryZone }
      if (typeof condition.after === 'string') range.after = condition.after
      if (typeof condition.before === 'string') range.before = condition.before
      if (
        (range.after !== undefined || range.before !== undefined) &&
        !occursInRange(record, range)
      )
        return false
      if (typeof condition.location === 'string' && !locationsMention(record, condition.location))
        return false
      if (
        typeof condition.owner === 'string' &&
        !participantsMention(record, 'owner', condition.owner)
      )
        return false
      if (
        typeof condition.attendee === 'string' &&
        !participantsMention(record, 'attendee', condition.attendee)
      )
        return false
      return true
    },
    comparators: {},
    extraArguments: {
      get: ['recurrenceOverridesBefore', 'recurrenceOverridesAfter', 'reduceParticipants'],
      set: ['sendSchedulingMessages'],
      query: ['expandRecurrences'],
    },
  }),
  checkQueryArguments: (context) => checkExpandRecurrences(context.args),
  // With expandRecurrences, each instance in the range is a candidate of its own, so every
  // condition must match the same instance (draft §5.9.1) and each match has its own id.
  queryCandidates(record, context) {
    const filter = context.args.filter
    if (context.args.expandRecurrences !== true || !isRecurring(record) || !isJsonObject(filter))
      return [record]
    const timeZone = typeof context.args.timeZone === 'string' ? context.args.timeZone : 'Etc/UTC'
    return instancesBetween(record, {
      after: String(filter.after),
      before: String(filter.before),
      timeZone,
    })
  },
  unstoredRecord(id, context) {
    const parsed = parseInstanceId(id)
    const base = parsed && context.account.store('CalendarEvent').peek(parsed.baseId)
    return parsed && base ? instanceAt(base, parsed.recurrenceId) : undefined
  },
  unstoredWrite(id, patch, context) {
    const parsed = parseInstanceId(id)
    const base = parsed && context.account.store('CalendarEvent').peek(parsed.baseId)
    if (!parsed || !base || instanceAt(base, parsed.recurrenceId) === undefined) return undefined
    return { id: parsed.baseId, patch: instanceWritePatch(base, parsed.recurrenceId, patch) }
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
        maxExpandedQueryDuration: `P${maxExpandedQueryDays}D`,
        maxParticipantsPerEvent: null,
        mayCreateCalendar: true,
      },
    },
  },
  dataTypes: [calendarType, calendarEventType],
}
