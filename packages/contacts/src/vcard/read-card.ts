import type { PartialDate, Timestamp } from '../jscontact/anniversary.js'
import type { Card, JCardProperty } from '../jscontact/card.js'
import {
  adrComponentKinds,
  extendedAddressPositions,
  streetAddressPositions,
} from './adr-components.js'
import { applyJSProps, type JSPropPatch } from './jsprop.js'
import type { ParsedVCard, VCardProperty } from './parse-vcard.js'
import { uidOfVCard } from './uid-of-vcard.js'
import type { VCardWarning } from './vcard-parse-error.js'

// The reader builds plain JSON and checks it with CardSchema at the end; a mutable record type
// keeps the many small writes short.
type Json = Record<string, unknown>

/** Where a vCard property goes in a Card map, and the key prefix RFC 9555's examples use. */
interface MapTarget {
  readonly map: string
  readonly prefix: string
}

const idPattern = /^[A-Za-z0-9_-]{1,255}$/

/** Builds one Card; keeps the per-map key counters and what later properties refer to. */
class CardBuilder {
  readonly card: Json = { '@type': 'Card', version: '1.0' }
  readonly vCardProps: JCardProperty[] = []
  readonly jsprops: JSPropPatch[] = []
  /** The objects converted from properties of each vCard group, for X-ABLabel and TITLE. */
  readonly byGroup = new Map<string, Json[]>()
  readonly organizationsByGroup = new Map<string, string[]>()
  /** Properties by name and ALTID, for LANGUAGE alternatives. */
  readonly alternatives = new Map<string, { path: string; language: string | undefined }>()
  readonly warnings: VCardWarning[]
  readonly #counters = new Map<string, number>()

  constructor(warnings: VCardWarning[]) {
    this.warnings = warnings
  }

  /** Adds an object to a map under the PROP-ID key or a new `PREFIX-n` key; returns the key. */
  add(target: MapTarget, property: VCardProperty, value: Json): string {
    const map = objectAt(this.card, target.map)
    const propId = single(property.parameters['prop-id'])
    let key: string | undefined
    if (propId !== undefined && idPattern.test(propId) && !Object.hasOwn(map, propId)) key = propId
    else {
      if (propId !== undefined) {
        this.warnings.push({
          line: property.line,
          message: `PROP-ID "${propId}" is not a usable Id; a new key is used`,
        })
      }
      let counter = this.#counters.get(`${target.map}/${target.prefix}`) ?? 0
      do {
        counter += 1
        key = `${target.prefix}-${counter}`
      } while (Object.hasOwn(map, key))
      this.#counters.set(`${target.map}/${target.prefix}`, counter)
    }
    map[key] = value
    const group = single(property.parameters.group)
    if (group !== undefined) {
      const members = this.byGroup.get(group.toLowerCase()) ?? []
      members.push(value)
      this.byGroup.set(group.toLowerCase(), members)
    }
    return key
  }

  keep(property: VCardProperty): void {
    this.vCardProps.push([property.name, property.parameters, property.type, ...property.values])
  }
}

/** The object at `key` of `target`, created empty when missing. */
function objectAt(target: Json, key: string): Json {
  const existing = target[key]
  if (typeof existing === 'object' && existing !== null) return existing as Json
  const created: Json = {}
  target[key] = created
  return created
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** The values of a multi-valued parameter, split at commas. */
function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','))
}

function text(property: VCardProperty): string {
  const [value] = property.values
  if (Array.isArray(value)) return value.map(String).join(';')
  if (value === undefined) return ''
  // Apple writes URLs with TEXT escapes (`http\://`); ical.js leaves URI values as they are.
  return property.type === 'uri' ? String(value).replace(/\\([:,;\\])/g, '$1') : String(value)
}

/** Parameters the conversion of a property does not use, kept as vCardParams. */
function leftover(
  parameters: VCardProperty['parameters'],
  used: readonly string[],
): Json | undefined {
  const rest: Json = {}
  for (const [name, value] of Object.entries(parameters)) {
    if (!used.includes(name) && name !== 'value') rest[name] = value
  }
  return Object.keys(rest).length > 0 ? rest : undefined
}

function setIfDefined(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}

/**
 * The common parameters: PREF to `pref`, TYPE home/work to `contexts`, MEDIATYPE to `mediaType`,
 * LABEL-less rest to `vCardParams`. `extraTypes` are TYPE values the property converts itself.
 */
function common(
  builder: CardBuilder,
  property: VCardProperty,
  target: Json,
  options: {
    readonly used?: readonly string[]
    readonly contexts?: Readonly<Record<string, string>>
    readonly takeType?: (type: string) => boolean
    readonly mediaType?: boolean
    readonly pref?: boolean
  } = {},
): void {
  const parameters = { ...property.parameters }
  const contexts: Json = {}
  const keptTypes: string[] = []
  const contextOf = { home: 'private', work: 'work', ...options.contexts }
  for (const type of list(parameters.type)) {
    const lower = type.toLowerCase()
    const context = contextOf[lower as keyof typeof contextOf]
    if (context !== undefined) contexts[context] = true
    else if (lower === 'pref' && options.pref !== false && parameters.pref === undefined) {
      // vCard 3.0 marks the preferred value with TYPE=pref.
      target.pref = 1
    } else if (!(options.takeType?.(lower) ?? false)) keptTypes.push(type)
  }
  delete parameters.type
  if (Object.keys(contexts).length > 0) target.contexts = contexts
  if (keptTypes.length > 0)
    parameters.type = keptTypes.length === 1 ? (keptTypes[0] as string) : keptTypes
  const pref = single(parameters.pref)
  if (pref !== undefined && options.pref !== false) {
    const number = Number(pref)
    if (Number.isInteger(number) && number >= 1 && number <= 100) {
      target.pref = number
      delete parameters.pref
    } else {
      builder.warnings.push({
        line: property.line,
        message: `PREF=${pref} is not 1–100; kept as a vCard parameter`,
      })
    }
  }
  if (options.mediaType === true && parameters.mediatype !== undefined) {
    target.mediaType = single(parameters.mediatype)
    delete parameters.mediatype
  }
  setIfDefined(target, 'vCardParams', leftover(parameters, ['prop-id', ...(options.used ?? [])]))
}

const simpleResources: Readonly<
  Record<string, MapTarget & { readonly kind?: string; readonly vCardName?: string }>
> = {
  url: { map: 'links', prefix: 'LINK' },
  'contact-uri': { map: 'links', prefix: 'CONTACT', kind: 'contact', vCardName: 'contact-uri' },
  key: { map: 'cryptoKeys', prefix: 'KEY' },
  caluri: { map: 'calendars', prefix: 'CAL', kind: 'calendar' },
  fburl: { map: 'calendars', prefix: 'FBURL', kind: 'freeBusy' },
  source: { map: 'directories', prefix: 'ENTRY', kind: 'entry' },
  'org-directory': { map: 'directories', prefix: 'DIRECTORY', kind: 'directory' },
  photo: { map: 'media', prefix: 'PHOTO', kind: 'photo' },
  logo: { map: 'media', prefix: 'LOGO', kind: 'logo' },
  sound: { map: 'media', prefix: 'SOUND', kind: 'sound' },
}

const telFeatures: Readonly<Record<string, string>> = {
  cell: 'mobile',
  fax: 'fax',
  'main-number': 'main-number',
  pager: 'pager',
  text: 'text',
  textphone: 'textphone',
  video: 'video',
  voice: 'voice',
}

/** vCard 3.0 TYPE values of inline media (`PHOTO;ENCODING=b;TYPE=JPEG`) as media types. */
function mediaTypeOf(type: string | undefined, kind: string): string | undefined {
  if (type === undefined) return undefined
  if (type.includes('/')) return type.toLowerCase()
  const family = kind === 'sound' ? 'audio' : 'image'
  return `${family}/${type.toLowerCase()}`
}

function readResource(builder: CardBuilder, property: VCardProperty): void {
  const target = simpleResources[property.name] as (typeof simpleResources)[string]
  const value: Json = {}
  setIfDefined(value, 'kind', target.kind)
  const parameters = { ...property.parameters }
  let uri = text(property)
  const encoding = single(parameters.encoding)?.toLowerCase()
  const looksLikeUri = /^[a-z][a-z0-9+.-]*:/i.test(uri)
  // vCard 3.0 makes inline binary the default type of PHOTO; producers still put URLs there.
  if (encoding === 'b' || encoding === 'base64' || (property.type === 'binary' && !looksLikeUri)) {
    // vCard 3.0 inline data (ENCODING=b) becomes the data: URI vCard 4.0 uses.
    const mediaType =
      mediaTypeOf(single(parameters.type), target.kind ?? '') ?? 'application/octet-stream'
    uri = `data:${mediaType};base64,${uri.replace(/\s+/g, '')}`
    delete parameters.encoding
    delete parameters.type
  }
  value.uri = uri
  setIfDefined(value, 'vCardName', target.vCardName)
  if (property.name === 'org-directory') {
    const index = Number(single(parameters.index))
    if (Number.isInteger(index) && index >= 0) value.listAs = index
  }
  common(builder, { ...property, parameters }, value, { mediaType: true, used: ['index'] })
  builder.add(target, property, value)
}

const nFields = ['surname', 'given', 'given2', 'title', 'credential', 'surname2', 'generation']

function components(property: VCardProperty): string[][] {
  const [value] = property.values
  const parts = Array.isArray(value) ? value : [value]
  return parts.map((part) =>
    (Array.isArray(part) ? part : [part])
      .map((item) => String(item ?? ''))
      .filter((item) => item !== ''),
  )
}

function readName(builder: CardBuilder, property: VCardProperty): void {
  const parts = components(property)
  const surname2 = parts[5] ?? []
  const generation = parts[6] ?? []
  const result: Json[] = []
  for (const [index, kind] of nFields.entries()) {
    for (const value of parts[index] ?? []) {
      // RFC 9555 §2.5.5: N repeats surname2 in the family name and generation in the suffix.
      if (kind === 'surname' && surname2.includes(value)) continue
      if (kind === 'credential' && generation.includes(value)) continue
      result.push({ kind, value })
    }
  }
  const name = objectAt(builder.card, 'name')
  name.components = result
  const sortAs = single(property.parameters['sort-as'])
  if (sortAs !== undefined) {
    const [surname, given] = sortAs.split(',')
    const sort: Json = {}
    if (surname !== undefined && surname !== '') sort.surname = surname
    if (given !== undefined && given !== '') sort.given = given
    if (Object.keys(sort).length > 0) name.sortAs = sort
  }
  const rest = leftover(property.parameters, ['sort-as'])
  if (rest !== undefined) name.vCardParams = { ...(name.vCardParams as Json | undefined), ...rest }
}

function readAddress(builder: CardBuilder, property: VCardProperty): void {
  const parts = components(property)
  // RFC 9554 adds components 8–18; when any is set, its street parts replace components 2 and 3.
  const extended = parts.slice(7).some((part) => part.length > 0)
  const address: Json = {}
  const result: Json[] = []
  const push = (index: number): void => {
    for (const value of parts[index] ?? []) result.push({ kind: adrComponentKinds[index], value })
  }
  for (let index = 0; index < 7; index++) {
    // The RFC 9554 parts stand where the extended and street address they replace stood, as
    // in RFC 9555's Figure 15 (number and street name before the locality).
    if (extended && index === 1) for (const part of extendedAddressPositions) push(part)
    else if (extended && index === 2) for (const part of streetAddressPositions) push(part)
    else push(index)
  }
  if (result.length > 0) address.components = result
  setIfDefined(address, 'full', single(property.parameters.label))
  setIfDefined(address, 'coordinates', single(property.parameters.geo))
  setIfDefined(address, 'timeZone', single(property.parameters.tz))
  setIfDefined(address, 'countryCode', single(property.parameters.cc))
  common(builder, property, address, {
    used: ['label', 'geo', 'tz', 'cc'],
    contexts: { billing: 'billing', delivery: 'delivery' },
  })
  builder.add({ map: 'addresses', prefix: 'ADDR' }, property, address)
}

const timestampPattern =
  /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$/

/** A vCard TIMESTAMP (or an ISO date-time with an offset) as a UTCDateTime. */
export function utcDateTime(value: string): string | undefined {
  const match = timestampPattern.exec(value)
  if (match === null || match[7] === undefined) return undefined
  const [, year, month, day, hour, minute, second, zone] = match
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${zone === 'Z' ? 'Z' : (zone as string).replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.000Z$/, 'Z')
}

const datePattern = /^(\d{4}|--)-?(\d{2})?-?(\d{2})?$/

/** A vCard DATE (or TIMESTAMP) as an anniversary date, or undefined when JSContact has none. */
function anniversaryDate(
  value: string,
  calendarScale: string | undefined,
): PartialDate | Timestamp | undefined {
  const utc = utcDateTime(value)
  if (utc !== undefined) return { '@type': 'Timestamp', utc }
  const match = datePattern.exec(value)
  if (match === null) return undefined
  const year = match[1] === '--' ? undefined : Number(match[1])
  const month = match[2] === undefined ? undefined : Number(match[2])
  const day = match[3] === undefined ? undefined : Number(match[3])
  // A month or a day alone (not both) has no PartialDate form (RFC 9555 §2.2.2).
  if (year === undefined && (month === undefined || day === undefined)) return undefined
  if (month !== undefined && (month < 1 || month > 12)) return undefined
  if (day !== undefined && (month === undefined || day < 1 || day > 31)) return undefined
  const date: { -readonly [K in keyof PartialDate]: PartialDate[K] } = {}
  if (year !== undefined) date.year = year
  if (month !== undefined) date.month = month
  if (day !== undefined) date.day = day
  if (calendarScale !== undefined) date.calendarScale = calendarScale
  return date
}

const anniversaryKinds: Readonly<Record<string, string>> = {
  bday: 'birth',
  deathdate: 'death',
  anniversary: 'wedding',
}

function readAnniversary(builder: CardBuilder, property: VCardProperty): void {
  const date = anniversaryDate(text(property), single(property.parameters.calscale))
  if (date === undefined || property.type === 'text') {
    if (property.type !== 'text') {
      builder.warnings.push({
        line: property.line,
        message: `${property.name.toUpperCase()} "${text(property)}" has no JSContact date form; kept in vCardProps`,
      })
    }
    builder.keep(property)
    return
  }
  const anniversary: Json = { kind: anniversaryKinds[property.name], date }
  common(builder, property, anniversary, { used: ['calscale'], pref: false })
  builder.add({ map: 'anniversaries', prefix: 'ANNIVERSARY' }, property, anniversary)
}

function readPlace(builder: CardBuilder, property: VCardProperty): void {
  const kind = property.name === 'birthplace' ? 'birth' : 'death'
  const anniversaries = (builder.card.anniversaries ?? {}) as Record<string, Json>
  const anniversary = Object.values(anniversaries).find((candidate) => candidate.kind === kind)
  const value = text(property)
  const place =
    property.type === 'uri' && value.startsWith('geo:')
      ? { coordinates: value }
      : property.type === 'text'
        ? { full: value }
        : undefined
  if (anniversary === undefined || place === undefined || anniversary.place !== undefined) {
    builder.keep(property)
    return
  }
  anniversary.place = place
}

function readTimeZone(builder: CardBuilder, property: VCardProperty): void {
  const value = text(property)
  let timeZone: string | undefined
  if (property.type === 'text' && !/^[+-]\d{2}:?\d{2}$/.test(value)) timeZone = value
  else {
    const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(value)
    if (offset !== null && offset[3] === '00') {
      const hours = Number(offset[2])
      const sign = offset[1] as string
      if (hours === 0) timeZone = 'Etc/UTC'
      else if ((sign === '+' && hours <= 14) || (sign === '-' && hours <= 12)) {
        timeZone = `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`
      }
    }
  }
  if (timeZone === undefined) {
    builder.keep(property)
    return
  }
  const address: Json = { timeZone }
  common(builder, property, address)
  builder.add({ map: 'addresses', prefix: 'ADDR' }, property, address)
}

function readOnlineService(builder: CardBuilder, property: VCardProperty): void {
  const service: Json = {}
  const value = text(property)
  if (property.name === 'impp' || property.type === 'uri') service.uri = value
  else service.user = value
  setIfDefined(service, 'service', single(property.parameters['service-type']))
  if (service.user === undefined)
    setIfDefined(service, 'user', single(property.parameters.username))
  setIfDefined(service, 'vCardName', property.name === 'impp' ? 'impp' : undefined)
  common(builder, property, service, { used: ['service-type', 'username'] })
  builder.add({ map: 'onlineServices', prefix: 'OS' }, property, service)
}

function readOrganization(builder: CardBuilder, property: VCardProperty): void {
  const [value] = property.values
  const parts = (Array.isArray(value) ? value : [value]).map((part) =>
    Array.isArray(part) ? part.join(',') : String(part ?? ''),
  )
  const [name = '', ...units] = parts
  const sortAs = list(property.parameters['sort-as'])
  const organization: Json = {}
  if (name !== '') organization.name = name
  const unitObjects = units
    .filter((unit) => unit !== '')
    .map((unit, index) => {
      const sort = sortAs[index + 1]
      return sort === undefined || sort === '' ? { name: unit } : { name: unit, sortAs: sort }
    })
  if (unitObjects.length > 0) organization.units = unitObjects
  if (sortAs[0] !== undefined && sortAs[0] !== '') organization.sortAs = sortAs[0]
  if (organization.name === undefined && organization.units === undefined) {
    builder.keep(property)
    return
  }
  common(builder, property, organization, { used: ['sort-as'], pref: false })
  const key = builder.add({ map: 'organizations', prefix: 'ORG' }, property, organization)
  const group = single(property.parameters.group)?.toLowerCase()
  if (group !== undefined) {
    builder.organizationsByGroup.set(group, [
      ...(builder.organizationsByGroup.get(group) ?? []),
      key,
    ])
  }
}

function readPersonalInfo(builder: CardBuilder, property: VCardProperty): void {
  const info: Json = { kind: property.name, value: text(property) }
  const level = single(property.parameters.level)?.toLowerCase()
  if (level !== undefined) {
    info.level =
      property.name === 'expertise'
        ? (({ beginner: 'low', average: 'medium', expert: 'high' } as Record<string, string>)[
            level
          ] ?? level)
        : level
  }
  const index = Number(single(property.parameters.index))
  if (Number.isInteger(index) && index >= 0) info.listAs = index
  common(builder, property, info, { used: ['level', 'index'], pref: false })
  builder.add({ map: 'personalInfo', prefix: 'PERSINFO' }, property, info)
}

/** Converts each vCard property; what has no JSContact form is kept in vCardProps. */
function readProperty(builder: CardBuilder, property: VCardProperty): void {
  const card = builder.card
  const value = text(property)
  switch (property.name) {
    case 'version':
      // RFC 9555 keeps VERSION in vCardProps; 4.0, the version written back, goes without saying.
      if (value !== '4.0') builder.keep(property)
      return
    case 'xml':
    case 'clientpidmap':
    case 'gender':
      builder.keep(property)
      return
    case 'uid':
      card.uid = value
      return
    case 'kind':
      card.kind = value.toLowerCase()
      return
    case 'language':
      card.language = value
      return
    case 'prodid':
      card.prodId = value
      return
    case 'rev':
    case 'created': {
      const utc = utcDateTime(value)
      if (utc === undefined) {
        builder.warnings.push({
          line: property.line,
          message: `${property.name.toUpperCase()} "${value}" is not a timestamp; kept in vCardProps`,
        })
        builder.keep(property)
      } else card[property.name === 'rev' ? 'updated' : 'created'] = utc
      return
    }
    case 'fn': {
      // A derived FN only repeats the name components (RFC 9555 §2.3.7, §3.1).
      if (single(property.parameters.derived)?.toLowerCase() === 'true') return
      const name = objectAt(card, 'name')
      if (name.full === undefined) {
        name.full = value
        const rest = leftover(property.parameters, ['language', 'altid'])
        if (rest !== undefined) {
          builder.warnings.push({
            line: property.line,
            message: `FN parameters ${Object.keys(rest).join(', ')} have no JSContact form and are dropped`,
          })
        }
      } else builder.keep(property)
      return
    }
    case 'n':
      if ((card.name as Json | undefined)?.components !== undefined) builder.keep(property)
      else readName(builder, property)
      return
    case 'nickname':
      for (const nickname of property.values.map(String).filter((item) => item !== '')) {
        const entry: Json = { name: nickname }
        common(builder, property, entry)
        builder.add({ map: 'nicknames', prefix: 'NICK' }, property, entry)
      }
      return
    case 'email': {
      const email: Json = { address: value }
      common(builder, property, email)
      builder.add({ map: 'emails', prefix: 'EMAIL' }, property, email)
      return
    }
    case 'tel': {
      const phone: Json = { number: value }
      const features: Json = {}
      common(builder, property, phone, {
        takeType: (type) => {
          const feature = telFeatures[type]
          if (feature !== undefined) features[feature] = true
          return feature !== undefined
        },
      })
      if (Object.keys(features).length > 0) phone.features = features
      builder.add({ map: 'phones', prefix: 'PHONE' }, property, phone)
      return
    }
    case 'impp':
    case 'socialprofile':
      readOnlineService(builder, property)
      return
    case 'lang': {
      const language: Json = { language: value }
      common(builder, property, language)
      builder.add({ map: 'preferredLanguages', prefix: 'LANG' }, property, language)
      return
    }
    case 'caladruri': {
      const address: Json = { uri: value }
      common(builder, property, address)
      builder.add({ map: 'schedulingAddresses', prefix: 'SCHEDULING' }, property, address)
      return
    }
    case 'adr':
      readAddress(builder, property)
      return
    case 'geo': {
      const address: Json = { coordinates: value }
      common(builder, property, address)
      builder.add({ map: 'addresses', prefix: 'ADDR' }, property, address)
      return
    }
    case 'tz':
      readTimeZone(builder, property)
      return
    case 'bday':
    case 'anniversary':
    case 'deathdate':
      readAnniversary(builder, property)
      return
    case 'birthplace':
    case 'deathplace':
      readPlace(builder, property)
      return
    case 'org':
      readOrganization(builder, property)
      return
    case 'title':
    case 'role': {
      const title: Json = { name: value, kind: property.name }
      common(builder, property, title, { pref: false })
      builder.add({ map: 'titles', prefix: 'TITLE' }, property, title)
      return
    }
    case 'member':
      card.members = { ...(card.members as Json | undefined), [value]: true }
      return
    case 'related': {
      const relation: Json = {}
      const types = list(property.parameters.type).map((type) => type.toLowerCase())
      relation.relation = Object.fromEntries(types.map((type) => [type, true]))
      setIfDefined(relation, 'vCardParams', leftover(property.parameters, ['type']))
      card.relatedTo = { ...(card.relatedTo as Json | undefined), [value]: relation }
      return
    }
    case 'categories':
      for (const keyword of property.values.map(String).filter((item) => item !== '')) {
        card.keywords = { ...(card.keywords as Json | undefined), [keyword]: true }
      }
      return
    case 'note': {
      const note: Json = { note: value }
      const created = single(property.parameters.created)
      const createdUtc = created === undefined ? undefined : utcDateTime(created)
      setIfDefined(note, 'created', createdUtc)
      const author: Json = {}
      setIfDefined(author, 'name', single(property.parameters['author-name']))
      setIfDefined(author, 'uri', single(property.parameters.author))
      if (Object.keys(author).length > 0) note.author = author
      common(builder, property, note, {
        used: ['author-name', 'author', ...(createdUtc === undefined ? [] : ['created'])],
        pref: false,
      })
      builder.add({ map: 'notes', prefix: 'NOTE' }, property, note)
      return
    }
    case 'gramgender': {
      const speakToAs = objectAt(card, 'speakToAs')
      speakToAs.grammaticalGender = value.toLowerCase()
      return
    }
    case 'pronouns': {
      const speakToAs = objectAt(card, 'speakToAs')
      const pronouns: Json = { pronouns: value }
      common(builder, property, pronouns)
      const map = objectAt(speakToAs, 'pronouns')
      const key =
        single(property.parameters['prop-id']) ?? `PRONOUNS-${Object.keys(map).length + 1}`
      map[key] = pronouns
      return
    }
    case 'expertise':
    case 'hobby':
    case 'interest':
      readPersonalInfo(builder, property)
      return
    case 'jsprop': {
      const pointer = single(property.parameters.jsptr)
      if (pointer === undefined) {
        builder.warnings.push({
          line: property.line,
          message: 'JSPROP without JSPTR; kept in vCardProps',
        })
        builder.keep(property)
      } else builder.jsprops.push({ pointer, json: value, line: property.line })
      return
    }
    case 'x-ablabel':
      // Applied once every property of the group has been converted.
      return
    default:
      if (Object.hasOwn(simpleResources, property.name)) readResource(builder, property)
      else builder.keep(property)
  }
}

/** Which JSContact property (path from the card) a LANGUAGE alternative of a property patches. */
function localizable(builder: CardBuilder, property: VCardProperty): boolean {
  const language = single(property.parameters.language)
  const altid = single(property.parameters.altid)
  const alternativeKey = `${property.name}/${altid ?? ''}`
  const previous = builder.alternatives.get(alternativeKey)
  if (previous === undefined || altid === undefined || language === undefined) return false
  if (previous.language?.toLowerCase() === language.toLowerCase()) return false
  const patch = objectAt(objectAt(builder.card, 'localizations'), language)
  patch[previous.path] = text(property)
  return true
}

const localizedPaths: Readonly<Record<string, (builder: CardBuilder) => string | undefined>> = {
  fn: () => 'name/full',
  title: (builder) => lastKeyPath(builder, 'titles', 'name'),
  role: (builder) => lastKeyPath(builder, 'titles', 'name'),
  note: (builder) => lastKeyPath(builder, 'notes', 'note'),
  nickname: (builder) => lastKeyPath(builder, 'nicknames', 'name'),
  org: (builder) => lastKeyPath(builder, 'organizations', 'name'),
}

function lastKeyPath(builder: CardBuilder, map: string, member: string): string | undefined {
  const keys = Object.keys((builder.card[map] ?? {}) as Json)
  const last = keys[keys.length - 1]
  return last === undefined ? undefined : `${map}/${last}/${member}`
}

/**
 * Converts one parsed vCard to a JSContact Card (RFC 9555 §2): what JSContact has no property for
 * goes to `vCardProps` and `vCardParams`, JSPROP patches are applied last, and a card without
 * UID gets a uid derived from its content (the same vCard always gets the same uid).
 *
 * @see RFC 9555 §2
 */
export function readCard(parsed: ParsedVCard, warnings: VCardWarning[]): Card {
  const builder = new CardBuilder(warnings)
  for (const property of parsed.properties) {
    if (localizable(builder, property)) continue
    readProperty(builder, property)
    const pathOf = localizedPaths[property.name]
    const altid = single(property.parameters.altid)
    const path = pathOf?.(builder)
    if (altid !== undefined && path !== undefined) {
      builder.alternatives.set(`${property.name}/${altid}`, {
        path,
        language: single(property.parameters.language),
      })
    }
  }
  applyLabels(builder, parsed)
  applyTitleOrganizations(builder)
  const card = builder.card
  if (builder.vCardProps.length > 0) card.vCardProps = builder.vCardProps
  if (typeof card.uid !== 'string') {
    card.uid = uidOfVCard(parsed)
    warnings.push({
      line: parsed.line,
      message: `the vCard has no UID; uid ${card.uid} derived from its content`,
    })
  }
  applyJSProps(card, builder.jsprops, warnings)
  return card as unknown as Card
}

function applyLabels(builder: CardBuilder, parsed: ParsedVCard): void {
  for (const property of parsed.properties) {
    if (property.name !== 'x-ablabel') continue
    const group = single(property.parameters.group)?.toLowerCase()
    const targets = group === undefined ? [] : (builder.byGroup.get(group) ?? [])
    if (targets.length === 1 && (targets[0] as Json).label === undefined) {
      ;(targets[0] as Json).label = text(property)
    } else builder.keep(property)
  }
}

function applyTitleOrganizations(builder: CardBuilder): void {
  for (const [group, keys] of builder.organizationsByGroup) {
    if (keys.length !== 1) continue
    for (const member of builder.byGroup.get(group) ?? []) {
      const isTitle = Object.values((builder.card.titles ?? {}) as Json).includes(member)
      if (isTitle) member.organizationId = keys[0]
    }
  }
}
