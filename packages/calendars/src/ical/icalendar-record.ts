import type {
  ICalComponent,
  ICalProperty,
  JCalComponent,
  JCalParameters,
  JCalProperty,
} from '../jscalendar/icalendar-component.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'
import { copyJson } from './copy-json.js'
import type { ParsedComponent, ParsedProperty } from './parse-icalendar.js'

/**
 * Collects, while one iCalendar component converts, what JSCalendar has no place for, and turns
 * it into that object's `iCalendar` property at the end.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §6.1.1
 */
export class ICalendarRecord {
  readonly #name: string
  readonly #enabled: boolean
  #converted: { [path: string]: ICalProperty } | undefined
  #properties: JCalProperty[] | undefined
  #components: JCalComponent[] | undefined
  #keepName = false

  constructor(name: string, enabled: boolean) {
    this.#name = name
    this.#enabled = enabled
  }

  /**
   * Notes a property that converted to the element at `path` (a JSON pointer, or its tokens): its parameters that did not convert,
   * and, when `force` says the property name (or value type) matters to convert back, the name.
   */
  converted(
    path: string | readonly string[],
    property: ParsedProperty,
    consumed: readonly string[],
    force?: { valueType?: string } | true,
  ): void {
    if (!this.#enabled) return
    let leftover: JCalParameters | undefined
    const parameters = property.parameters
    // for…in builds no array of keys (parameters are plain objects, nothing inherited).
    for (const name in parameters) {
      if (name === 'jsid' || consumed.includes(name)) continue
      leftover ??= {}
      leftover[name] = copyJson(parameters[name] as string | string[])
    }
    // A TZID the reader mapped to an IANA zone is kept as the input gave it (the writer puts it
    // back while the zone stays the same).
    if (property.originalTzid !== undefined) {
      leftover ??= {}
      leftover.tzid = property.originalTzid
    }
    if (leftover === undefined && force === undefined) return
    const entry: ICalProperty = { '@type': 'ICalProperty', name: property.name }
    if (typeof force === 'object' && force.valueType !== undefined)
      entry.valueType = force.valueType
    if (leftover !== undefined) entry.parameters = leftover
    this.#converted ??= {}
    // Most properties leave nothing to record, so a pointer is only formatted when one is kept.
    this.#converted[typeof path === 'string' ? path : formatJsonPointer(path)] = entry
  }

  /** Keeps a property that has no JSCalendar equivalent, in jCal. */
  unconverted(property: ParsedProperty): void {
    if (!this.#enabled) return
    this.#properties ??= []
    this.#properties.push(copiedPropertyJCal(property))
  }

  /** Keeps a subcomponent that has no JSCalendar equivalent, in jCal. */
  component(component: ParsedComponent): void {
    if (!this.#enabled) return
    this.#components ??= []
    this.#components.push(toJCalComponent(component))
  }

  /** Asks for the `iCalendar` property even when it only says the component name. */
  keepName(): void {
    this.#keepName = true
  }

  /** Whether anything other than the name was recorded. */
  get isEmpty(): boolean {
    return (
      this.#converted === undefined &&
      this.#properties === undefined &&
      this.#components === undefined
    )
  }

  /** The `iCalendar` property, or `undefined` when there is nothing to keep. */
  build(): ICalComponent | undefined {
    if (!this.#enabled || (this.isEmpty && !this.#keepName)) return undefined
    const result: ICalComponent = { '@type': 'ICalComponent', name: this.#name }
    if (this.#components !== undefined) result.components = this.#components
    if (this.#converted !== undefined) result.convertedProperties = this.#converted
    if (this.#properties !== undefined) result.properties = this.#properties
    return result
  }
}

/**
 * A parsed component in jCal.
 *
 * @see RFC 7265 §3.3
 */
export function toJCalComponent(component: ParsedComponent): JCalComponent {
  return [
    component.name,
    component.properties.map(copiedPropertyJCal),
    component.components.map(toJCalComponent),
  ]
}

/**
 * A parsed property in jCal with its own copies of parameters and values: `propertyJCal` shares
 * them with the parser (and copying its result would build every property twice).
 */
function copiedPropertyJCal(property: ParsedProperty): JCalProperty {
  const jcal: JCalProperty = [property.name, copyJson(property.parameters), property.type]
  for (const value of property.values) jcal.push(copyJson(value))
  return jcal
}
