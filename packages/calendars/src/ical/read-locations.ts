import { uuidV5 } from '@typed-jmap/core/internal'
import type { Location } from '../jscalendar/location.js'
import { setOwnProperty } from '../jscalendar/set-own-property.js'
import { hasOwnKeys } from './has-own-keys.js'
import { ICalendarRecord } from './icalendar-record.js'
import { applyJsprops } from './jsprop.js'
import { type ParsedComponent, type ParsedProperty, propertyJCal } from './parse-icalendar.js'
import type { ReadContext } from './read-context.js'
import { applyDescription, chooseDescription } from './read-description.js'
import { linkPropertyNames, readLink } from './read-links.js'
import { isDerived, parameterText, readText, readTextList, uniqueKey } from './read-values.js'

/**
 * Formats the two FLOAT values of GEO as a `geo:` URI (a leading `+` dropped, `-` kept).
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.3.23
 */
export function geoUri(property: ParsedProperty): string {
  const [latitude, longitude] = property.values[0] as [number, number]
  return `geo:${latitude},${longitude}`
}

/**
 * Converts the LOCATION, GEO and VLOCATION of a VEVENT or VTODO into `locations`, and works out
 * `mainLocationId`.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §3.2.4, §3.3.23, §3.3.27
 */
export function readLocations(
  properties: readonly ParsedProperty[],
  vlocations: readonly ParsedComponent[],
  record: ICalendarRecord,
  context: ReadContext,
): { locations: { [id: string]: Location }; mainLocationId?: string } {
  const locations: { [id: string]: Location } = {}
  let locationKey: string | undefined
  let derived: ParsedProperty | undefined
  for (const property of properties) {
    if (property.name !== 'location') continue
    if (isDerived(property) || locationKey !== undefined) {
      if (isDerived(property) && derived === undefined) derived = property
      else record.unconverted(property)
      continue
    }
    const name = readText(property)
    locationKey = parameterText(property, 'jsid') ?? uniqueKey(locations, uuidV5(name))
    setOwnProperty(locations, locationKey, { '@type': 'Location', name })
    record.converted(['locations', locationKey, 'name'], property, [])
  }
  let geoSeen = false
  for (const property of properties) {
    if (property.name !== 'geo') continue
    if (isDerived(property) || geoSeen) {
      record.unconverted(property)
      continue
    }
    geoSeen = true
    const coordinates = geoUri(property)
    const jsid = parameterText(property, 'jsid')
    const key =
      locationKey !== undefined && (jsid === undefined || jsid === locationKey)
        ? locationKey
        : (jsid ?? uniqueKey(locations, uuidV5(coordinates)))
    setOwnProperty(locations, key, { '@type': 'Location', ...locations[key], coordinates })
    record.converted(['locations', key, 'coordinates'], property, [], true)
  }
  const names = new Map<string, string>()
  for (const component of vlocations) {
    const [key, location] = readVlocation(component, locations, context)
    setOwnProperty(locations, key, location)
    if (location.name !== undefined && !names.has(location.name)) names.set(location.name, key)
  }
  let mainLocationId: string | undefined
  if (vlocations.length > 1) {
    if (locationKey !== undefined) mainLocationId = locationKey
    else if (derived !== undefined) mainLocationId = names.get(readText(derived))
  }
  if (derived !== undefined && (mainLocationId === undefined || locationKey !== undefined)) {
    record.unconverted(derived)
  }
  return mainLocationId === undefined ? { locations } : { locations, mainLocationId }
}

function readVlocation(
  component: ParsedComponent,
  locations: { [id: string]: Location },
  context: ReadContext,
): [string, Location] {
  const record = new ICalendarRecord('vlocation', context.lossless)
  const location: Location = { '@type': 'Location' }
  const links: NonNullable<Location['links']> = {}
  const jsprops: ParsedProperty[] = []
  let jsid: string | undefined
  let uid: ParsedProperty | undefined
  let description: ParsedProperty | undefined
  for (const property of component.properties) {
    switch (property.name) {
      case 'description':
      case 'styled-description':
        description = chooseDescription(property, description, record)
        break
      case 'name':
        if (location.name === undefined) {
          location.name = readText(property)
          record.converted('name', property, [])
        } else record.unconverted(property)
        break
      case 'location-type':
        location.locationTypes ??= {}
        for (const type of readTextList(property))
          setOwnProperty(location.locationTypes, type, true)
        record.converted('locationTypes', property, [])
        break
      case 'coordinates':
      case 'geo':
        if (
          location.coordinates === undefined &&
          !(property.name === 'geo' && isDerived(property))
        ) {
          location.coordinates = property.name === 'geo' ? geoUri(property) : readText(property)
          record.converted('coordinates', property, [], property.name === 'geo' ? true : undefined)
        } else record.unconverted(property)
        break
      case 'jsid':
        jsid = readText(property)
        break
      case 'jsprop':
        jsprops.push(property)
        break
      case 'uid':
        if (uid !== undefined) record.unconverted(uid)
        uid = property
        break
      default:
        if (!(linkPropertyNames.has(property.name) && readLink(property, links, record))) {
          record.unconverted(property)
        }
    }
  }
  for (const sub of component.components) record.component(sub)
  if (hasOwnKeys(links)) location.links = links
  if (description !== undefined) applyDescription(description, location, record)
  const uidText = uid === undefined ? undefined : readText(uid)
  const seed =
    location.name ??
    location.coordinates ??
    uidText ??
    JSON.stringify(component.properties.map(propertyJCal))
  const key =
    jsid ??
    uniqueKey(
      locations,
      uidText !== undefined && location.name === undefined && location.coordinates === undefined
        ? uidText
        : uuidV5(seed),
    )
  // A UID that is the location's id is the one the writer gives every VLOCATION.
  if (uid !== undefined && uidText !== key) record.unconverted(uid)
  const fields = Object.keys(location).filter((field) => field !== '@type')
  // A location with only a name would convert back to a LOCATION property; say it was a VLOCATION.
  if (fields.length === 1 && fields[0] === 'name') record.keepName()
  const iCalendar = record.build()
  if (iCalendar !== undefined) location.iCalendar = iCalendar
  applyJsprops(location as Record<string, unknown>, jsprops)
  return [key, location]
}
