import type { LocalDateTime, PatchObject } from '../jscalendar/primitives.js'

/**
 * Builds the CalendarEvent/set patch that changes one instance of a recurring event, following
 * the draft's rules for patches inside `recurrenceOverrides`:
 * - without overrides on the event, the whole map is set (a pointer into a missing map is
 *   `invalidPatch`);
 * - a new override, or changes that set something to `null` (inside an override's PatchObject,
 *   a `null` *value* means "remove this key"), are sent as the whole override;
 * - otherwise each change is a pointer into the existing override, with `/` and `~` in its key
 *   escaped as `~1` and `~0`.
 *
 * @see draft-ietf-jmap-calendars §5.9.1
 * @example recurrenceOverridePatch(event, '2025-03-05T09:00:00', { 'participants/zoe/participationStatus': 'declined' })
 *   // { 'recurrenceOverrides/2025-03-05T09:00:00/participants~1zoe~1participationStatus': 'declined' }
 */
export function recurrenceOverridePatch(
  event: { readonly recurrenceOverrides?: Readonly<Record<LocalDateTime, PatchObject>> },
  recurrenceId: LocalDateTime,
  changes: PatchObject,
): PatchObject {
  const overrides = event.recurrenceOverrides
  if (overrides === undefined) return { recurrenceOverrides: { [recurrenceId]: { ...changes } } }
  const current = overrides[recurrenceId]
  const setsNull = Object.values(changes).some((value) => value === null)
  const base = `recurrenceOverrides/${escapePointer(recurrenceId)}`
  if (current === undefined || setsNull) return { [base]: { ...current, ...changes } }
  const patch: PatchObject = {}
  for (const [key, value] of Object.entries(changes)) patch[`${base}/${escapePointer(key)}`] = value
  return patch
}

/** Escapes one JSON Pointer reference token (RFC 6901 §3). */
function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}
