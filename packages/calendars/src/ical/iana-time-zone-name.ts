import { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana'
import { isIanaTimeZone } from '../zoned-time/index.js'

// Prefixes producers put before an IANA name: Mozilla's and libical's ("/mozilla.org/20050126_1/
// Europe/Berlin", "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "/citadel.org/…").
const pathPrefix = /^\/.+?\/(?=[A-Z][A-Za-z_-]+\/[A-Za-z_/+-]+$)/
// findIana scans its whole table (and its alias table per hit) on every call: each Windows name
// is looked up once (the table is fixed and small), and other names not at all.
const windowsNames: ReadonlySet<string> = new Set(
  WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName),
)
const ianaByWindowsName = new Map<string, string | undefined>()

function ianaOfWindowsName(name: string): string | undefined {
  if (!isWindowsName(name)) return undefined
  if (!ianaByWindowsName.has(name)) ianaByWindowsName.set(name, findIana(name)[0])
  return ianaByWindowsName.get(name)
}

const isWindowsName = (name: string): name is Parameters<typeof findIana>[0] =>
  windowsNames.has(name)

/**
 * The IANA name a TZID stands for: the TZID itself when it is one, the IANA zone CLDR's
 * windowsZones maps a Windows name to (`W. Europe Standard Time` → `Europe/Berlin`), or the IANA
 * name at the end of a path-like TZID; `undefined` when none is found.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.4 (converting non-IANA TZIDs is left to
 *   implementations; ICU-style Windows name mapping is the example it gives)
 * @example ianaTimeZoneName('W. Europe Standard Time') // 'Europe/Berlin'
 */
export function ianaTimeZoneName(tzid: string): string | undefined {
  if (isIanaTimeZone(tzid)) return tzid
  const windows = ianaOfWindowsName(tzid.trim())
  if (windows !== undefined && isIanaTimeZone(windows)) return windows
  const path = tzid.replace(pathPrefix, '')
  if (path !== tzid && isIanaTimeZone(path)) return path
  return undefined
}
