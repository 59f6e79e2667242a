/** A JSON object as it travels on the wire, before or after translation. */
export type JsonObject = Record<string, unknown>

const legacyRightNames = [
  'mayReadFreeBusy',
  'mayReadItems',
  'mayAddItems',
  'mayModifyItems',
  'mayRemoveItems',
  'mayRename',
  'mayDelete',
  'mayAdmin',
] as const

/**
 * Maps Cyrus's pre-standard calendar rights (`mayAddItems`, `mayModifyItems`, `mayAdmin`, …)
 * onto the standard CalendarRights.
 *
 * @see draft-ietf-jmap-calendars §4 (CalendarRights)
 * @example legacyRightsToStandard({ mayReadItems: true, mayAdmin: false }).mayShare // false
 */
export function legacyRightsToStandard(legacy: JsonObject): JsonObject {
  const flag = (name: string): boolean => legacy[name] === true
  const mayWriteAll = flag('mayAddItems') && flag('mayModifyItems') && flag('mayRemoveItems')
  return {
    mayReadFreeBusy: flag('mayReadFreeBusy'),
    mayReadItems: flag('mayReadItems'),
    mayWriteAll,
    mayWriteOwn: mayWriteAll,
    mayUpdatePrivate: flag('mayModifyItems'),
    mayRSVP: flag('mayModifyItems'),
    mayShare: flag('mayAdmin'),
    mayDelete: flag('mayDelete'),
  }
}

/**
 * Maps standard CalendarRights onto Cyrus's pre-standard rights, for `shareWith` writes.
 *
 * @example standardRightsToLegacy({ mayReadItems: true, mayWriteAll: true }).mayAddItems // true
 */
export function standardRightsToLegacy(rights: JsonObject): JsonObject {
  const flag = (name: string): boolean => rights[name] === true
  const mayWrite = flag('mayWriteAll') || flag('mayWriteOwn')
  return {
    mayReadFreeBusy: flag('mayReadFreeBusy'),
    mayReadItems: flag('mayReadItems'),
    mayAddItems: mayWrite,
    mayModifyItems: mayWrite || flag('mayUpdatePrivate'),
    mayRemoveItems: mayWrite,
    mayRename: flag('mayShare'),
    mayDelete: flag('mayDelete'),
    mayAdmin: flag('mayShare'),
  }
}

/**
 * Turns a Calendar from Cyrus's legacy namespace into the standard Calendar shape: rights move
 * from flat properties into `myRights`, `shareWith` values are translated, and Cyrus-only
 * properties (`x-href`, `scheduleAddressSet`) are kept as they are.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example normaliseLegacyCalendar({ id: 'Default', name: 'personal', mayAdmin: true, … })
 */
export function normaliseLegacyCalendar(legacy: JsonObject): JsonObject {
  const calendar: JsonObject = {}
  const hasFlatRights = legacyRightNames.some((name) => name in legacy)
  for (const [key, value] of Object.entries(legacy)) {
    if ((legacyRightNames as readonly string[]).includes(key)) continue
    calendar[key] = value
  }
  if (hasFlatRights && !('myRights' in legacy)) calendar.myRights = legacyRightsToStandard(legacy)
  if (isObject(legacy.shareWith)) {
    calendar.shareWith = mapValues(legacy.shareWith, (rights) =>
      isObject(rights) && !('mayWriteAll' in rights) ? legacyRightsToStandard(rights) : rights,
    )
  }
  return calendar
}

/**
 * Translates a standard Calendar create or patch for Cyrus's legacy namespace: `shareWith`
 * rights, whole or per principal (`shareWith/<id>`), become legacy rights.
 *
 * @example toLegacyCalendarWrite({ 'shareWith/bob': { mayReadItems: true } })
 */
export function toLegacyCalendarWrite(write: JsonObject): JsonObject {
  const legacy: JsonObject = {}
  for (const [key, value] of Object.entries(write)) {
    if (key === 'shareWith' && isObject(value)) {
      legacy[key] = mapValues(value, (rights) =>
        isObject(rights) ? standardRightsToLegacy(rights) : rights,
      )
    } else if (key.startsWith('shareWith/') && key.split('/').length === 2 && isObject(value)) {
      legacy[key] = standardRightsToLegacy(value)
    } else {
      legacy[key] = value
    }
  }
  return legacy
}

/** Whether a wire value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mapValues(object: JsonObject, map: (value: unknown) => unknown): JsonObject {
  const mapped: JsonObject = {}
  for (const [key, value] of Object.entries(object)) mapped[key] = map(value)
  return mapped
}
