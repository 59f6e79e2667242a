import { uuidV5 } from '@typed-jmap/core/internal'
import type { Participant } from '../jscalendar/participant.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import { hasOwnKeys } from './has-own-keys.js'
import { ICalendarRecord } from './icalendar-record.js'
import { applyJsprops } from './jsprop.js'
import { type ParsedComponent, type ParsedProperty, propertyJCal } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { applyDescription, chooseDescription } from './read-description.js'
import { linkPropertyNames, readLink } from './read-links.js'
import { parameterList, parameterText, readText, uniqueKey } from './read-values.js'

const roleNames: Record<string, string> = {
  CHAIR: 'chair',
  'REQ-PARTICIPANT': 'required',
  'OPT-PARTICIPANT': 'optional',
  'NON-PARTICIPANT': 'informational',
  OWNER: 'owner',
}
const taskProgress = new Set(['COMPLETED', 'IN-PROCESS', 'FAILED'])
const addressSetParameters = [
  ['delegated-to', 'delegatedTo'],
  ['delegated-from', 'delegatedFrom'],
  ['member', 'memberOf'],
] as const
/** The ATTENDEE parameters a participant carries (RSVP only when TRUE or FALSE). */
const attendeeParametersButRsvp: readonly string[] = [
  'cn',
  'cutype',
  'delegated-from',
  'delegated-to',
  'email',
  'member',
  'partstat',
  'role',
  'sent-by',
]
const attendeeParameters: readonly string[] = [...attendeeParametersButRsvp, 'rsvp']

/**
 * Whether an ATTENDEE's ROLE says OWNER (one of its values, in any case), without the list of
 * roles `parameterList` would make: the organizer asks it of every attendee.
 */
function hasOwnerRole(attendee: ParsedProperty): boolean {
  const roles = attendee.parameters.role
  if (roles === undefined) return false
  if (typeof roles === 'string' && !roles.includes(',')) return isOwner(roles)
  return (Array.isArray(roles) ? roles : roles.split(',')).some(isOwner)
}

const isOwner = (role: string): boolean => role.toUpperCase() === 'OWNER'

/**
 * Merges ORGANIZER, ATTENDEE and PARTICIPANT into one `participants` map: the same calendar
 * address is the same participant.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.2.1, §3.3.4, §3.3.31
 */
export class ParticipantReader {
  readonly participants: { [id: string]: Participant } = {}
  readonly #byAddress = new Map<string, string>()
  readonly #context: ReadContext
  readonly #isTask: boolean

  constructor(context: ReadContext, isTask: boolean) {
    this.#context = context
    this.#isTask = isTask
  }

  /** Converts an ATTENDEE property. */
  attendee(property: ParsedProperty, record: ICalendarRecord): void {
    const address = readText(property)
    const [key, participant] = this.#entry(address, parameterText(property, 'jsid'))
    const name = parameterText(property, 'cn')
    if (name !== undefined) participant.name = name
    const email = parameterText(property, 'email')
    if (email !== undefined) participant.email = email
    const sentBy = parameterText(property, 'sent-by')
    if (sentBy !== undefined) participant.sentBy = sentBy
    const kind = parameterText(property, 'cutype')
    if (kind !== undefined)
      participant.kind = kind.toUpperCase() === 'ROOM' ? 'location' : kind.toLowerCase()
    for (const [parameter, field] of addressSetParameters) {
      const values = parameterList(property, parameter)
      if (values.length === 0) continue
      const set: { [address: string]: true } = {}
      for (const value of values) setOwnProperty(set, value, true)
      participant[field] = set
    }
    const partstat = parameterText(property, 'partstat')?.toUpperCase()
    if (partstat !== undefined) {
      if (this.#isTask && taskProgress.has(partstat)) {
        participant.participationStatus = 'accepted'
        participant.progress = partstat.toLowerCase()
      } else {
        participant.participationStatus = partstat.toLowerCase()
      }
    }
    const roles = parameterList(property, 'role')
    if (roles.length > 0) {
      participant.roles ??= {}
      for (const role of roles)
        setOwnProperty(participant.roles, roleNames[role.toUpperCase()] ?? role.toLowerCase(), true)
    }
    const rsvp = parameterText(property, 'rsvp')?.toUpperCase()
    const expectReply = rsvp === 'TRUE' || rsvp === 'FALSE'
    if (expectReply) participant.expectReply = rsvp === 'TRUE'
    record.converted(
      ['participants', key, 'calendarAddress'],
      property,
      expectReply ? attendeeParameters : attendeeParametersButRsvp,
    )
  }

  /**
   * Converts the ORGANIZER property; it becomes a participant (with the `owner` role) unless an
   * ATTENDEE already claims that role and the organizer has no parameter to carry.
   *
   * @param siblings the properties of the organizer's component (its ATTENDEEs are compared)
   */
  organizer(
    property: ParsedProperty,
    siblings: readonly ParsedProperty[],
    record: ICalendarRecord,
  ): void {
    const address = readText(property)
    const name = parameterText(property, 'cn')
    const email = parameterText(property, 'email')
    const sentBy = parameterText(property, 'sent-by')
    const jsid = parameterText(property, 'jsid')
    const ownerElsewhere = siblings.some(
      (sibling) => sibling.name === 'attendee' && hasOwnerRole(sibling),
    )
    const sameAsAttendee = siblings.some(
      (attendee) => attendee.name === 'attendee' && readText(attendee) === address,
    )
    record.converted('organizerCalendarAddress', property, ['cn', 'email', 'sent-by'])
    if (
      name === undefined &&
      email === undefined &&
      sentBy === undefined &&
      jsid === undefined &&
      ownerElsewhere &&
      !sameAsAttendee
    ) {
      return
    }
    const [, participant] = this.#entry(address, jsid)
    participant.roles = { owner: true, ...participant.roles }
    if (name !== undefined) participant.name ??= name
    if (email !== undefined) participant.email ??= email
    if (sentBy !== undefined) participant.sentBy ??= sentBy
  }

  /** Converts a PARTICIPANT component. */
  component(component: ParsedComponent): void {
    const record = new ICalendarRecord('participant', this.#context.lossless)
    const address = component.properties.find((property) => property.name === 'calendar-address')
    const jsid = component.properties.find((property) => property.name === 'jsid')
    const uid = component.properties.find((property) => property.name === 'uid')
    let key: string
    let participant: Participant
    if (address !== undefined) {
      const fromProperty = this.#byAddress.has(readText(address))
      ;[key, participant] = this.#entry(
        readText(address),
        jsid === undefined ? undefined : readText(jsid),
      )
      // Without an ATTENDEE of the same address, say so, or it would come back as one.
      if (!fromProperty) record.converted('calendarAddress', address, [], true)
      else record.converted('calendarAddress', address, [])
    } else {
      const fallback =
        uid === undefined
          ? uuidV5(JSON.stringify(component.properties.map(propertyJCal)))
          : readText(uid)
      key = jsid === undefined ? uniqueKey(this.participants, fallback) : readText(jsid)
      participant = { '@type': 'Participant' }
      setOwnProperty(this.participants, key, participant)
    }
    const links: NonNullable<Participant['links']> = participant.links ?? {}
    const jsprops: ParsedProperty[] = []
    let description: ParsedProperty | undefined
    for (const property of component.properties) {
      switch (property.name) {
        case 'calendar-address':
        case 'jsid':
          if (property === address || property === jsid) continue
          record.unconverted(property)
          break
        case 'summary':
          if (participant.name === undefined) {
            participant.name = readText(property)
            record.converted('name', property, [])
          } else record.unconverted(property)
          break
        case 'description':
        case 'styled-description':
          description = chooseDescription(property, description, record)
          break
        case 'percent-complete':
          participant.percentComplete = Number(property.values[0])
          record.converted('percentComplete', property, [])
          break
        case 'jsprop':
          jsprops.push(property)
          break
        default:
          if (!(linkPropertyNames.has(property.name) && readLink(property, links, record))) {
            record.unconverted(property)
          }
      }
    }
    if (description !== undefined) {
      applyDescription(description, participant, record, (type) => type === undefined)
    }
    if (hasOwnKeys(links)) participant.links = links
    for (const sub of component.components) record.component(sub)
    const iCalendar = record.build()
    if (iCalendar !== undefined) participant.iCalendar = iCalendar
    applyJsprops(participant as Record<string, unknown>, jsprops)
    setOwnProperty(this.participants, key, participant)
  }

  #entry(address: string, jsid: string | undefined): [string, Participant] {
    const known = this.#byAddress.get(address)
    if (known !== undefined) {
      const participant = this.participants[known] as Participant
      return [known, participant]
    }
    const key = jsid ?? uniqueKey(this.participants, uuidV5(address))
    const participant: Participant = { '@type': 'Participant', calendarAddress: address }
    setOwnProperty(this.participants, key, participant)
    this.#byAddress.set(address, key)
    return [key, participant]
  }
}
