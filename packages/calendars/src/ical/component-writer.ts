import type {
  ICalComponent,
  ICalProperty,
  JCalComponent,
  JCalParameters,
  JCalProperty,
} from '../jscalendar/icalendar-component.js'
import { formatJsonPointer } from '../jscalendar/patch-object.js'

/**
 * Builds one iCalendar component in jCal from a JSCalendar object: puts back the parameters and
 * property names its `iCalendar` property kept, writes JSPROP for what iCalendar cannot say, and
 * appends the properties and subcomponents that never converted.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §4, §5.1.2
 */
export class ComponentWriter {
  readonly name: string
  readonly properties: JCalProperty[] = []
  readonly components: JCalComponent[] = []
  readonly lossless: boolean
  readonly #converted: { [path: string]: ICalProperty }
  readonly #iCalendar: ICalComponent | undefined

  readonly #sameZone: ((kept: string, written: string, local: string) => boolean) | undefined

  /**
   * @param sameZone tells whether a kept TZID (a Windows or custom name the reader mapped) gives
   *   a local time the instant it has in the zone about to be written, so it can be written
   *   instead
   */
  constructor(
    name: string,
    iCalendar: ICalComponent | undefined,
    lossless: boolean,
    sameZone?: (kept: string, written: string, local: string) => boolean,
  ) {
    this.name = name
    this.lossless = lossless
    this.#iCalendar = lossless ? iCalendar : undefined
    this.#converted = this.#iCalendar?.convertedProperties ?? {}
    this.#sameZone = sameZone
  }

  /** What the `iCalendar` property says about the property that became the element at `path`. */
  converted(path: string): ICalProperty | undefined {
    return this.#converted[path]
  }

  /** Adds a property, with the kept parameters of the element at `path` (if any). */
  add(
    path: string | undefined,
    name: string,
    parameters: JCalParameters,
    type: string,
    ...values: unknown[]
  ): void {
    const kept = path === undefined ? undefined : this.#converted[path]?.parameters
    const merged = kept === undefined ? parameters : { ...kept, ...parameters }
    const keptZone = kept?.tzid
    if (typeof keptZone === 'string') {
      const written = parameters.tzid
      if (typeof written === 'string') {
        const [value] = values
        const local = String(Array.isArray(value) ? value[0] : value)
        if (keptZone !== written && this.#sameZone?.(keptZone, written, local) === true)
          merged.tzid = keptZone
      } else if (type === 'date' || String(values[0]).endsWith('Z')) {
        // A DATE or UTC value takes no TZID (the object moved out of the zone).
        delete merged.tzid
      }
    }
    this.properties.push([name, merged, type, ...values])
  }

  /** Adds a JSID parameter to `parameters` when the key differs from the one the reader would derive. */
  jsid(parameters: JCalParameters, key: string, derived: string | undefined): JCalParameters {
    if (this.lossless && key !== derived) parameters.jsid = key
    return parameters
  }

  /** Writes a JSCalendar value iCalendar has no element for as JSPROP. */
  jsprop(tokens: readonly string[], value: unknown): void {
    if (!this.lossless || value === undefined || value === null) return
    this.properties.push([
      'jsprop',
      { jsptr: formatJsonPointer(tokens) },
      'text',
      JSON.stringify(value),
    ])
  }

  /** Writes as JSPROP every property of `object` whose name is not in `known`. */
  unknown(object: object, known: ReadonlySet<string>, prefix: readonly string[] = []): void {
    for (const [key, value] of Object.entries(object)) {
      if (!known.has(key)) this.jsprop([...prefix, key], value)
    }
  }

  /** The component in jCal, with the kept unconverted properties and subcomponents appended. */
  build(): JCalComponent {
    const properties = [...this.properties, ...(this.#iCalendar?.properties ?? [])]
    const components = [...this.components, ...(this.#iCalendar?.components ?? [])]
    return [this.name, properties, components]
  }
}
