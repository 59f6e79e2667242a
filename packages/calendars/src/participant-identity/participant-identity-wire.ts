import { isObject } from '../cyrus-legacy/legacy-calendar.js'

/**
 * Brings a ParticipantIdentity as a server sent it into the standard shape: Cyrus 3.8–3.12
 * sends the RFC 8984 `sendTo: { imip: "mailto:…" }` map instead of `calendarAddress`.
 *
 * @see draft-ietf-jmap-calendars §3
 * @example normaliseParticipantIdentityWire({ id: '1a3b', name: '', sendTo: { imip: 'mailto:test@localhost' } })
 *   // { id: '1a3b', name: '', calendarAddress: 'mailto:test@localhost' }
 */
export function normaliseParticipantIdentityWire(wire: unknown): unknown {
  if (!isObject(wire) || 'calendarAddress' in wire || !isObject(wire.sendTo)) return wire
  const { sendTo, ...rest } = wire
  const address = sendTo.imip ?? Object.values(sendTo)[0]
  return typeof address === 'string' ? { ...rest, calendarAddress: address } : wire
}
