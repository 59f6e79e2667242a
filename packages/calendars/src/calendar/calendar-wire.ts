import {
  isObject,
  type JsonObject,
  normaliseLegacyCalendar,
} from '../cyrus-legacy/legacy-calendar.js'

/** Spec defaults of Calendar properties that servers leave out (Cyrus omits all of these). */
const calendarDefaults: JsonObject = {
  description: null,
  color: null,
  sortOrder: 0,
  isVisible: true,
  includeInAvailability: 'all',
  defaultAlertsWithTime: null,
  defaultAlertsWithoutTime: null,
  timeZone: null,
  shareWith: null,
}

/**
 * Brings a Calendar as a server sent it into the standard shape before it is validated:
 * Cyrus 3.6's flat legacy rights move into `myRights`; Cyrus 3.8–3.12's `mayAdmin` stands in
 * for the missing `mayShare`; properties with a spec default that the server left out get it.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example normaliseCalendarWire({ id: 'Default', name: 'personal', myRights: { mayAdmin: true, … } })
 *   // { …, myRights: { mayShare: true, … }, color: null, … }
 */
export function normaliseCalendarWire(wire: unknown): unknown {
  if (!isObject(wire)) return wire
  const calendar = normaliseLegacyCalendar(wire)
  // Only a whole object gets defaults: the server-set part of a /set response, or an object
  // narrowed by `properties`, must not claim values it does not carry.
  if (typeof calendar.name === 'string' && isObject(calendar.myRights)) {
    for (const [key, value] of Object.entries(calendarDefaults)) {
      if (!(key in calendar)) calendar[key] = value
    }
  }
  if (isObject(calendar.myRights)) calendar.myRights = withMayShare(calendar.myRights)
  if (isObject(calendar.shareWith)) {
    const shareWith: JsonObject = {}
    for (const [principalId, rights] of Object.entries(calendar.shareWith)) {
      shareWith[principalId] = isObject(rights) ? withMayShare(rights) : rights
    }
    calendar.shareWith = shareWith
  }
  return calendar
}

function withMayShare(rights: JsonObject): JsonObject {
  if ('mayShare' in rights || !('mayAdmin' in rights)) return rights
  const { mayAdmin, ...rest } = rights
  return { ...rest, mayShare: mayAdmin === true }
}
