import ICAL from 'ical.js'
import { isTimestamp } from '../jscontact/anniversary.js'
import type { Card, JCardProperty } from '../jscontact/card.js'
import type { VCardParams } from '../jscontact/common.js'
import {
  adrComponentKinds,
  extendedAddressPositions,
  streetAddressPositions,
} from './adr-components.js'
import { vcard4Design } from './design-set.js'

type Parameters = Record<string, string | string[]>
type Property = [string, Parameters, string, ...unknown[]]

/** Collects the vCard properties of one card, with the groups X-ABLabel and ORG/TITLE need. */
class VCardWriter {
  readonly properties: Property[] = []
  #groups = 0

  push(name: string, parameters: Parameters, type: string, ...values: unknown[]): Property {
    const property: Property = [name, parameters, type, ...values]
    this.properties.push(property)
    return property
  }

  newGroup(): string {
    this.#groups += 1
    return `item${this.#groups}`
  }
}

function entries<TValue>(map: Readonly<Record<string, TValue>> | undefined): [string, TValue][] {
  return map === undefined ? [] : Object.entries(map)
}

/** The parameters every converted object shares: PROP-ID, PREF, contexts as TYPE, vCardParams. */
function parametersOf(
  key: string | undefined,
  value: {
    readonly pref?: number
    readonly contexts?: Readonly<Record<string, true | undefined>>
    readonly mediaType?: string
    readonly vCardParams?: VCardParams
  },
  extraTypes: readonly string[] = [],
): Parameters {
  const parameters: Parameters = {}
  const types: string[] = []
  for (const context of Object.keys(value.contexts ?? {})) {
    types.push(context === 'private' ? 'home' : context)
  }
  types.push(...extraTypes)
  for (const [name, parameter] of Object.entries(value.vCardParams ?? {})) {
    if (name === 'type')
      types.push(...(Array.isArray(parameter) ? parameter : [parameter as string]))
    else parameters[name] = Array.isArray(parameter) ? [...parameter] : (parameter as string)
  }
  if (types.length > 0) parameters.type = types
  if (value.pref !== undefined) parameters.pref = String(value.pref)
  if (value.mediaType !== undefined) parameters.mediatype = value.mediaType
  if (key !== undefined) parameters['prop-id'] = key
  return parameters
}

/** Writes a label the way Apple does: an X-ABLabel in the same property group. */
function withLabel(writer: VCardWriter, property: Property, label: string | undefined): void {
  if (label === undefined) return
  const group = (property[1].group as string | undefined) ?? writer.newGroup()
  property[1].group = group
  writer.push('x-ablabel', { group }, 'text', label)
}

function fullName(card: Card): { readonly value: string; readonly derived: boolean } {
  const name = card.name
  if (name?.full !== undefined) return { value: name.full, derived: false }
  const components = name?.components ?? []
  if (components.length === 0) return { value: '', derived: false }
  const separator = name?.defaultSeparator ?? ' '
  let value = ''
  for (const [index, component] of components.entries()) {
    if (component.kind === 'separator') value += component.value
    else {
      const previous = components[index - 1]
      if (index > 0 && previous?.kind !== 'separator') value += separator
      value += component.value
    }
  }
  return { value, derived: true }
}

function writeName(writer: VCardWriter, card: Card): void {
  const { value, derived } = fullName(card)
  writer.push('fn', derived ? { derived: 'TRUE' } : {}, 'text', value)
  const name = card.name
  if (name?.components === undefined) return
  const of = (kind: string): string[] =>
    (name.components ?? []).filter((component) => component.kind === kind).map((c) => c.value)
  const part = (values: string[]): string | string[] =>
    values.length === 1 ? (values[0] as string) : values.length === 0 ? '' : values
  const structured = [
    part([...of('surname'), ...of('surname2')]),
    part(of('given')),
    part(of('given2')),
    part(of('title')),
    part([...of('credential'), ...of('generation')]),
    part(of('surname2')),
    part(of('generation')),
  ]
  const parameters = parametersOf(undefined, { vCardParams: name.vCardParams ?? {} })
  if (name.sortAs !== undefined) {
    parameters['sort-as'] = [name.sortAs.surname ?? '', name.sortAs.given ?? '']
      .join(',')
      .replace(/,$/, '')
  }
  writer.push('n', parameters, 'text', structured)
}

function writeAddresses(writer: VCardWriter, card: Card): void {
  for (const [key, address] of entries(card.addresses)) {
    const parameters = parametersOf(key, address)
    if (address.components === undefined && address.full === undefined) {
      if (address.coordinates !== undefined)
        writer.push('geo', parameters, 'uri', address.coordinates)
      if (address.timeZone !== undefined) writer.push('tz', parameters, 'text', address.timeZone)
      continue
    }
    const components = address.components ?? []
    const of = (kind: string): string[] =>
      components.filter((c) => c.kind === kind).map((c) => c.value)
    const join = (positions: readonly number[]): string =>
      positions.flatMap((position) => of(adrComponentKinds[position] as string)).join(' ')
    // Positions 1 and 2 repeat the RFC 9554 parts for readers that only know 7 components;
    // apartment and name appear twice in the list and are written at their RFC 9554 place.
    const structured = adrComponentKinds.map((kind, index) => {
      if (index === 1) return join(extendedAddressPositions)
      if (index === 2) return join(streetAddressPositions)
      const values = of(kind)
      return values.length === 1 ? (values[0] as string) : values.length === 0 ? '' : values
    })
    if (address.full !== undefined) parameters.label = address.full
    if (address.coordinates !== undefined) parameters.geo = address.coordinates
    if (address.timeZone !== undefined) parameters.tz = address.timeZone
    if (address.countryCode !== undefined) parameters.cc = address.countryCode
    writer.push('adr', parameters, 'text', structured)
  }
}

function partialDate(date: { year?: number; month?: number; day?: number }): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  const year = date.year === undefined ? '--' : String(date.year).padStart(4, '0')
  if (date.month === undefined) return year
  if (date.day === undefined)
    return date.year === undefined ? `--${pad(date.month)}` : `${year}-${pad(date.month)}`
  return `${year === '--' ? '-' : year}-${pad(date.month)}-${pad(date.day)}`
}

const anniversaryNames: Readonly<Record<string, [date: string, place: string | undefined]>> = {
  birth: ['bday', 'birthplace'],
  death: ['deathdate', 'deathplace'],
  wedding: ['anniversary', undefined],
}

function writeAnniversaries(writer: VCardWriter, card: Card): void {
  for (const [key, anniversary] of entries(card.anniversaries)) {
    const names = anniversaryNames[anniversary.kind]
    if (names === undefined) continue
    const [dateName, placeName] = names
    const parameters = parametersOf(key, anniversary)
    const date = anniversary.date
    if (isTimestamp(date)) writer.push(dateName, parameters, 'timestamp', date.utc)
    else {
      if (date.calendarScale !== undefined) parameters.calscale = date.calendarScale
      writer.push(dateName, parameters, 'date-and-or-time', partialDate(date))
    }
    const place = anniversary.place
    if (placeName !== undefined && place !== undefined) {
      if (place.full !== undefined) writer.push(placeName, {}, 'text', place.full)
      else if (place.coordinates !== undefined) writer.push(placeName, {}, 'uri', place.coordinates)
    }
  }
}

const featureTypes: Readonly<Record<string, string>> = { mobile: 'cell' }

function writeContactChannels(writer: VCardWriter, card: Card): void {
  for (const [key, email] of entries(card.emails)) {
    withLabel(
      writer,
      writer.push('email', parametersOf(key, email), 'text', email.address),
      email.label,
    )
  }
  for (const [key, phone] of entries(card.phones)) {
    const features = Object.keys(phone.features ?? {}).map(
      (feature) => featureTypes[feature] ?? feature,
    )
    const type = /^[a-z][a-z0-9+.-]*:/i.test(phone.number) ? 'uri' : 'text'
    withLabel(
      writer,
      writer.push('tel', parametersOf(key, phone, features), type, phone.number),
      phone.label,
    )
  }
  for (const [key, service] of entries(card.onlineServices)) {
    const parameters = parametersOf(key, service)
    if (service.service !== undefined) parameters['service-type'] = service.service
    const isImpp = service.vCardName === 'impp' && service.uri !== undefined
    let property: Property
    if (service.uri !== undefined) {
      if (service.user !== undefined) parameters.username = service.user
      property = writer.push(isImpp ? 'impp' : 'socialprofile', parameters, 'uri', service.uri)
    } else property = writer.push('socialprofile', parameters, 'text', service.user ?? '')
    withLabel(writer, property, service.label)
  }
  for (const [key, language] of entries(card.preferredLanguages)) {
    writer.push('lang', parametersOf(key, language), 'language-tag', language.language)
  }
  for (const [key, address] of entries(card.schedulingAddresses)) {
    withLabel(
      writer,
      writer.push('caladruri', parametersOf(key, address), 'uri', address.uri),
      address.label,
    )
  }
}

function writeResources(writer: VCardWriter, card: Card): void {
  for (const [key, calendar] of entries(card.calendars)) {
    const name = calendar.kind === 'freeBusy' ? 'fburl' : 'caluri'
    withLabel(
      writer,
      writer.push(name, parametersOf(key, calendar), 'uri', calendar.uri),
      calendar.label,
    )
  }
  for (const [key, cryptoKey] of entries(card.cryptoKeys)) {
    withLabel(
      writer,
      writer.push('key', parametersOf(key, cryptoKey), 'uri', cryptoKey.uri),
      cryptoKey.label,
    )
  }
  for (const [key, directory] of entries(card.directories)) {
    const parameters = parametersOf(key, directory)
    if (directory.listAs !== undefined) parameters.index = String(directory.listAs)
    const name = directory.kind === 'directory' ? 'org-directory' : 'source'
    withLabel(writer, writer.push(name, parameters, 'uri', directory.uri), directory.label)
  }
  for (const [key, link] of entries(card.links)) {
    const name = link.kind === 'contact' ? 'contact-uri' : 'url'
    withLabel(writer, writer.push(name, parametersOf(key, link), 'uri', link.uri), link.label)
  }
  for (const [key, media] of entries(card.media)) {
    const name = media.kind === 'logo' ? 'logo' : media.kind === 'sound' ? 'sound' : 'photo'
    if (media.uri === undefined) continue
    withLabel(writer, writer.push(name, parametersOf(key, media), 'uri', media.uri), media.label)
  }
}

const levelNames: Readonly<Record<string, string>> = {
  low: 'beginner',
  medium: 'average',
  high: 'expert',
}

function writeOrganizationsAndTitles(writer: VCardWriter, card: Card): void {
  const groupOf = new Map<string, string>()
  for (const title of Object.values(card.titles ?? {})) {
    if (title.organizationId !== undefined && !groupOf.has(title.organizationId)) {
      groupOf.set(title.organizationId, writer.newGroup())
    }
  }
  for (const [key, organization] of entries(card.organizations)) {
    const parameters = parametersOf(key, organization)
    const group = groupOf.get(key)
    if (group !== undefined) parameters.group = group
    const sortAs = [
      organization.sortAs ?? '',
      ...(organization.units ?? []).map((unit) => unit.sortAs ?? ''),
    ]
    if (sortAs.some((value) => value !== ''))
      parameters['sort-as'] = sortAs.join(',').replace(/,+$/, '')
    const units = (organization.units ?? []).map((unit) => unit.name)
    writer.push('org', parameters, 'text', [organization.name ?? '', ...units])
  }
  for (const [key, title] of entries(card.titles)) {
    const parameters = parametersOf(key, title)
    const group = title.organizationId === undefined ? undefined : groupOf.get(title.organizationId)
    if (group !== undefined) parameters.group = group
    writer.push(title.kind === 'role' ? 'role' : 'title', parameters, 'text', title.name)
  }
}

function writeExplanatory(writer: VCardWriter, card: Card): void {
  for (const [key, nickname] of entries(card.nicknames)) {
    writer.push('nickname', parametersOf(key, nickname), 'text', nickname.name)
  }
  for (const [key, note] of entries(card.notes)) {
    const parameters = parametersOf(key, note)
    if (note.created !== undefined) parameters.created = note.created.replace(/[-:]|\.\d+/g, '')
    if (note.author?.name !== undefined) parameters['author-name'] = note.author.name
    if (note.author?.uri !== undefined) parameters.author = note.author.uri
    writer.push('note', parameters, 'text', note.note)
  }
  for (const [key, info] of entries(card.personalInfo)) {
    if (!['expertise', 'hobby', 'interest'].includes(info.kind)) continue
    const parameters = parametersOf(key, info)
    if (info.level !== undefined) {
      parameters.level =
        info.kind === 'expertise' ? (levelNames[info.level] ?? info.level) : info.level
    }
    if (info.listAs !== undefined) parameters.index = String(info.listAs)
    withLabel(writer, writer.push(info.kind, parameters, 'text', info.value), info.label)
  }
  const keywords = Object.keys(card.keywords ?? {})
  if (keywords.length > 0) writer.push('categories', {}, 'text', ...keywords)
  if (card.speakToAs?.grammaticalGender !== undefined) {
    writer.push('gramgender', {}, 'text', card.speakToAs.grammaticalGender.toUpperCase())
  }
  for (const [key, pronouns] of entries(card.speakToAs?.pronouns)) {
    writer.push('pronouns', parametersOf(key, pronouns), 'text', pronouns.pronouns)
  }
  for (const member of Object.keys(card.members ?? {})) writer.push('member', {}, 'uri', member)
  for (const [uid, relation] of entries(card.relatedTo)) {
    const parameters = parametersOf(undefined, relation, Object.keys(relation.relation ?? {}))
    writer.push('related', parameters, /^[a-z][a-z0-9+.-]*:/i.test(uid) ? 'uri' : 'text', uid)
  }
}

/**
 * The vCard 4.0 properties (jCard) a Card converts to by RFC 9555's reverse rules, without the
 * JSPROP properties that carry what these cannot (see `jscontactToVCard`).
 *
 * @see RFC 9555 §3
 */
export function cardToProperties(card: Card): JCardProperty[] {
  const writer = new VCardWriter()
  writer.push('version', {}, 'text', '4.0')
  writer.push('uid', {}, 'text', card.uid)
  if (card.kind !== undefined) writer.push('kind', {}, 'text', card.kind)
  if (card.language !== undefined) writer.push('language', {}, 'language-tag', card.language)
  if (card.prodId !== undefined) writer.push('prodid', {}, 'text', card.prodId)
  if (card.created !== undefined) writer.push('created', {}, 'timestamp', card.created)
  if (card.updated !== undefined) writer.push('rev', {}, 'timestamp', card.updated)
  writeName(writer, card)
  writeOrganizationsAndTitles(writer, card)
  writeContactChannels(writer, card)
  writeAddresses(writer, card)
  writeAnniversaries(writer, card)
  writeResources(writer, card)
  writeExplanatory(writer, card)
  for (const property of card.vCardProps ?? []) {
    if (property[0] !== 'version') writer.properties.push([...property] as Property)
  }
  return writer.properties
}

/**
 * One jCard property as a folded vCard content line (CRLF included).
 *
 * @see RFC 6350 §3.2
 */
export function contentLine(property: JCardProperty): string {
  const [name, parameters, type, ...values] = property
  const flat: Parameters = {}
  for (const [key, value] of Object.entries(parameters)) {
    const multiValued = (vcard4Design.param as Record<string, { multiValue?: string }>)[key]
      ?.multiValue
    flat[key] =
      Array.isArray(value) && multiValued === undefined ? value.join(',') : (value as string)
  }
  // ical.js escapes commas in URI values but does not unescape them when reading; a URI
  // (`data:image/jpeg;base64,…`) is written verbatim after the parameters instead.
  if (type === 'uri' && values.length === 1 && typeof values[0] === 'string') {
    const head = ICAL.stringify.property([name, flat, type, ''] as never, vcard4Design, true)
    return `${ICAL.helpers.foldline(head + values[0])}\r\n`
  }
  const line = ICAL.stringify.property([name, flat, type, ...values] as never, vcard4Design, false)
  // ical.js leaves values of some types (vCard 3.0 `vcard`, `unknown`) unescaped; a line break
  // there would end the content line, so such a value is written as TEXT, which escapes it.
  if (/\n(?! )/.test(line)) {
    return `${ICAL.stringify.property([name, flat, 'text', ...values] as never, vcard4Design, false)}\r\n`
  }
  return `${line}\r\n`
}
