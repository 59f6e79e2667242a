import { uuidV5 } from '@typed-jmap/core/internal'
import type { JCalParameters } from '../jscalendar/icalendar-component.js'
import type { Participant } from '../jscalendar/participant.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import { ComponentWriter } from './component-writer.js'
import { writeDescription } from './write-description.js'
import { writeLinks } from './write-links.js'

const roleParameters: Record<string, string> = {
  chair: 'CHAIR',
  required: 'REQ-PARTICIPANT',
  optional: 'OPT-PARTICIPANT',
  informational: 'NON-PARTICIPANT',
  owner: 'OWNER',
}
const attendeeKeys = [
  '@type',
  'calendarAddress',
  'name',
  'email',
  'sentBy',
  'kind',
  'roles',
  'participationStatus',
  'progress',
  'expectReply',
  'delegatedTo',
  'delegatedFrom',
  'memberOf',
]
const componentKeys = [
  'description',
  'descriptionContentType',
  'links',
  'percentComplete',
  'iCalendar',
]
const organizerKeys = new Set(['@type', 'calendarAddress', 'roles', 'name', 'email', 'sentBy'])

/**
 * Writes ORGANIZER, ATTENDEE properties and PARTICIPANT components for an object's participants.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.6
 */
export function writeParticipants(
  writer: ComponentWriter,
  participants: { [id: string]: Participant } | undefined,
  organizer: string | undefined,
  sentBy: string | undefined,
): void {
  const entries = Object.entries(participants ?? {})
  if (organizer !== undefined) {
    const found = entries.find(([, participant]) => participant.calendarAddress === organizer)
    const parameters: JCalParameters = {}
    if (found !== undefined) {
      const [key, participant] = found
      writer.jsid(parameters, key, uuidV5(organizer))
      if (participant.name !== undefined) parameters.cn = participant.name
      if (participant.email !== undefined) parameters.email = participant.email
      if (participant.sentBy !== undefined) parameters['sent-by'] = participant.sentBy
    }
    if (sentBy !== undefined) {
      if (parameters['sent-by'] === undefined) parameters['sent-by'] = sentBy
      else if (parameters['sent-by'] !== sentBy) writer.jsprop(['sentBy'], sentBy)
    }
    writer.add('organizerCalendarAddress', 'organizer', parameters, 'cal-address', organizer)
  } else if (sentBy !== undefined) {
    writer.jsprop(['sentBy'], sentBy)
  }
  for (const [key, participant] of entries) {
    const address = participant.calendarAddress
    const isOrganizer = address !== undefined && address === organizer
    const roles = Object.keys(participant.roles ?? {})
    if (
      isOrganizer &&
      roles.every((role) => role === 'owner') &&
      Object.keys(participant).every((field) => organizerKeys.has(field))
    ) {
      continue
    }
    const componentBacked =
      address === undefined ||
      participant.iCalendar?.name === 'participant' ||
      componentKeys.some(
        (field) => field !== 'iCalendar' && participant[field as keyof Participant] !== undefined,
      )
    const onlyComponent =
      address !== undefined &&
      participant.iCalendar?.convertedProperties?.calendarAddress !== undefined
    const component = componentBacked
      ? new ComponentWriter('participant', participant.iCalendar, writer.lossless)
      : undefined
    if (address !== undefined && !onlyComponent) {
      writer.add(
        formatJsonPointer(['participants', key, 'calendarAddress']),
        'attendee',
        attendeeParameters(writer, key, participant, isOrganizer),
        'cal-address',
        address,
      )
    }
    const handled = new Set(onlyComponent ? ['@type', 'calendarAddress'] : attendeeKeys)
    if (component === undefined) {
      writer.unknown(participant, handled, ['participants', key])
      continue
    }
    const uid = participant.iCalendar?.properties?.find((property) => property[0] === 'uid')?.[3]
    const derived =
      address !== undefined ? uuidV5(address) : typeof uid === 'string' ? uid : undefined
    if (writer.lossless && key !== derived) component.properties.push(['jsid', {}, 'text', key])
    if (address !== undefined)
      component.add('calendarAddress', 'calendar-address', {}, 'cal-address', address)
    if (participant.name !== undefined && (address === undefined || onlyComponent)) {
      component.add('name', 'summary', {}, 'text', participant.name)
      handled.add('name')
    }
    writeDescription(component, participant)
    if (participant.percentComplete !== undefined) {
      component.add(
        'percentComplete',
        'percent-complete',
        {},
        'integer',
        participant.percentComplete,
      )
    }
    writeLinks(component, participant.links)
    for (const field of componentKeys) handled.add(field)
    component.unknown(participant, handled)
    writer.components.push(component.build())
  }
}

function attendeeParameters(
  writer: ComponentWriter,
  key: string,
  participant: Participant,
  isOrganizer: boolean,
): JCalParameters {
  const address = participant.calendarAddress ?? ''
  const parameters = writer.jsid({}, key, uuidV5(address))
  if (participant.name !== undefined) parameters.cn = participant.name
  if (participant.email !== undefined) parameters.email = participant.email
  if (participant.sentBy !== undefined) parameters['sent-by'] = participant.sentBy
  if (participant.kind !== undefined) {
    parameters.cutype = participant.kind === 'location' ? 'ROOM' : participant.kind.toUpperCase()
  }
  const roles = Object.keys(participant.roles ?? {}).filter(
    (role) => !(isOrganizer && role === 'owner'),
  )
  if (roles.length > 0)
    parameters.role = roles.map((role) => roleParameters[role] ?? role.toUpperCase())
  if (participant.progress !== undefined) parameters.partstat = participant.progress.toUpperCase()
  else if (participant.participationStatus !== undefined) {
    parameters.partstat = participant.participationStatus.toUpperCase()
  }
  if (participant.expectReply !== undefined)
    parameters.rsvp = participant.expectReply ? 'TRUE' : 'FALSE'
  for (const [field, parameter] of [
    ['delegatedTo', 'delegated-to'],
    ['delegatedFrom', 'delegated-from'],
    ['memberOf', 'member'],
  ] as const) {
    const set = participant[field]
    if (set !== undefined) parameters[parameter] = Object.keys(set)
  }
  return parameters
}
