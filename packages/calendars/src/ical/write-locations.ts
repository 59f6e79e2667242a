import { uuidV5 } from '@typed-jmap/core/internal'
import type { Location } from '../jscalendar/location.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import type { VirtualLocation } from '../jscalendar/virtual-location.js'
import { ComponentWriter } from './component-writer.js'
import { writeDescription } from './write-description.js'
import { writeLinks } from './write-links.js'

const vlocationKeys = new Set([
  '@type',
  'name',
  'description',
  'locationTypes',
  'coordinates',
  'links',
  'iCalendar',
])
const simpleGeo = /^geo:([+-]?\d+(?:\.\d+)?),([+-]?\d+(?:\.\d+)?)$/

/**
 * Writes Locations as LOCATION and GEO properties where they say everything, else as VLOCATION
 * components (with a UID, and the description as DESCRIPTION), and `mainLocationId` as a (derived) LOCATION when iCalendar can say it.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.5
 */
export function writeLocations(
  writer: ComponentWriter,
  locations: { [id: string]: Location } | undefined,
  mainLocationId: string | undefined,
): void {
  const entries = Object.entries(locations ?? {})
  let propertyKey: string | undefined
  let geoKey: string | undefined
  const isPropertyShaped = (key: string, location: Location): boolean => {
    if (location.iCalendar !== undefined) return false
    const fields = Object.keys(location).filter((field) => field !== '@type')
    if (!fields.every((field) => field === 'name' || field === 'coordinates')) return false
    if (location.coordinates === undefined) return location.name !== undefined
    return (
      simpleGeo.test(location.coordinates) &&
      writer.converted(formatJsonPointer(['locations', key, 'coordinates']))?.name === 'geo'
    )
  }
  const shaped = entries.filter(([key, location]) => isPropertyShaped(key, location))
  const named = shaped.filter(([, location]) => location.name !== undefined)
  propertyKey = (named.find(([key]) => key === mainLocationId) ?? named[0])?.[0]
  const geoOnly = shaped.find(
    ([key, location]) => key !== propertyKey && location.name === undefined,
  )
  const propertyLocation = propertyKey === undefined ? undefined : locations?.[propertyKey]
  if (propertyKey !== undefined && propertyLocation?.coordinates !== undefined) geoKey = propertyKey
  else if (geoOnly !== undefined) geoKey = geoOnly[0]
  let vlocationCount = 0
  const vlocationNames = new Map<string, string>()
  for (const [key, location] of entries) {
    if (key === propertyKey || key === geoKey) continue
    vlocationCount++
    if (location.name !== undefined && !vlocationNames.has(location.name))
      vlocationNames.set(location.name, key)
    writer.components.push(writeVlocation(writer.lossless, key, location))
  }
  if (propertyKey !== undefined && propertyLocation?.name !== undefined) {
    const parameters = writer.jsid({}, propertyKey, uuidV5(propertyLocation.name))
    writer.add(
      formatJsonPointer(['locations', propertyKey, 'name']),
      'location',
      parameters,
      'text',
      propertyLocation.name,
    )
  }
  if (geoKey !== undefined) {
    const location = locations?.[geoKey] as Location
    const match = simpleGeo.exec(location.coordinates ?? '') as RegExpExecArray
    const parameters =
      geoKey === propertyKey ? {} : writer.jsid({}, geoKey, uuidV5(location.coordinates ?? ''))
    writer.add(
      formatJsonPointer(['locations', geoKey, 'coordinates']),
      'geo',
      parameters,
      'float',
      [Number(match[1]), Number(match[2])],
    )
  }
  if (mainLocationId === undefined) return
  const mainName = locations?.[mainLocationId]?.name
  const derivedMain =
    propertyKey === undefined &&
    mainName !== undefined &&
    vlocationNames.get(mainName) === mainLocationId
  if (derivedMain) writer.add(undefined, 'location', { derived: 'TRUE' }, 'text', mainName)
  const reconstructed = vlocationCount > 1 && (mainLocationId === propertyKey || derivedMain)
  if (!reconstructed) writer.jsprop(['mainLocationId'], mainLocationId)
}

function writeVlocation(lossless: boolean, key: string, location: Location) {
  const component = new ComponentWriter('vlocation', location.iCalendar, lossless)
  const uid = location.iCalendar?.properties?.find((property) => property[0] === 'uid')?.[3]
  const seed = location.name ?? location.coordinates
  const derived = seed !== undefined ? uuidV5(seed) : typeof uid === 'string' ? uid : key
  if (lossless && key !== derived) component.properties.push(['jsid', {}, 'text', key])
  // RFC 9073 requires a UID; the location's id is one (the reader does not keep it then).
  if (uid === undefined) component.properties.push(['uid', {}, 'text', key])
  if (location.name !== undefined) component.add('name', 'name', {}, 'text', location.name)
  writeDescription(component, location)
  if (location.locationTypes !== undefined) {
    component.add(
      'locationTypes',
      'location-type',
      {},
      'text',
      ...Object.keys(location.locationTypes),
    )
  }
  if (location.coordinates !== undefined) {
    const geo = simpleGeo.exec(location.coordinates)
    if (component.converted('coordinates')?.name === 'geo' && geo !== null) {
      component.add('coordinates', 'geo', {}, 'float', [Number(geo[1]), Number(geo[2])])
    } else {
      component.add('coordinates', 'coordinates', {}, 'uri', location.coordinates)
    }
  }
  writeLinks(component, location.links)
  component.unknown(location, vlocationKeys)
  return component.build()
}

const virtualLocationKeys = new Set(['@type', 'uri', 'name', 'features'])

/**
 * Writes VirtualLocations as CONFERENCE properties.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4.7
 */
export function writeVirtualLocations(
  writer: ComponentWriter,
  virtualLocations: { [id: string]: VirtualLocation } | undefined,
): void {
  for (const [key, virtualLocation] of Object.entries(virtualLocations ?? {})) {
    const parameters = writer.jsid({}, key, uuidV5(virtualLocation.uri))
    if (virtualLocation.name !== undefined) parameters.label = virtualLocation.name
    if (virtualLocation.features !== undefined) {
      parameters.feature = Object.keys(virtualLocation.features).map((feature) =>
        feature.toUpperCase(),
      )
    }
    writer.add(
      formatJsonPointer(['virtualLocations', key, 'uri']),
      'conference',
      parameters,
      'uri',
      virtualLocation.uri,
    )
    writer.unknown(virtualLocation, virtualLocationKeys, ['virtualLocations', key])
  }
}
