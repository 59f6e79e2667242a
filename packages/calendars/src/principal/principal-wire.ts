import { isObject } from '../cyrus-legacy/legacy-calendar.js'

/**
 * Brings a Principal as a server sent it into the standard shape: properties with a null
 * meaning that the server left out become null, and the calendar capability gets its
 * `calendarAddress` from Cyrus's legacy `sendTo` map.
 *
 * @see RFC 9670 §3
 * @example normalisePrincipalWire({ id: 'test', type: 'individual', name: '' })
 */
export function normalisePrincipalWire(wire: unknown): unknown {
  if (!isObject(wire)) return wire
  const principal = { ...wire }
  // Servers leave out nullable properties they have no value for; a full object (one with its
  // type) reads them as null.
  if ('type' in principal) {
    for (const key of ['description', 'email', 'timeZone', 'accounts']) {
      if (!(key in principal)) principal[key] = null
    }
    if (!('capabilities' in principal)) principal.capabilities = {}
  }
  if (isObject(principal.capabilities)) {
    const calendars = principal.capabilities['urn:ietf:params:jmap:calendars']
    if (isObject(calendars) && !('calendarAddress' in calendars) && isObject(calendars.sendTo)) {
      const address = calendars.sendTo.imip
      principal.capabilities = {
        ...principal.capabilities,
        'urn:ietf:params:jmap:calendars':
          typeof address === 'string' ? { ...calendars, calendarAddress: address } : calendars,
      }
    }
  }
  return principal
}
