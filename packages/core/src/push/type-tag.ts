import * as v from 'valibot'

/**
 * The valibot schema of an `@type` member that must be exactly `tag`, refusing
 * anything else with `expected "StateChange", got "Foo"`. A `v.custom` rather than
 * `v.literal`: an app's bundle then carries one valibot function fewer.
 *
 * @see RFC 8620 §7.1, §7.2.2
 * @example v.looseObject({ '@type': typeTagSchema('StateChange') })
 */
export function typeTagSchema<const TTag extends string>(
  tag: TTag,
): v.GenericSchema<unknown, TTag> {
  return v.custom<TTag>(
    (value) => value === tag,
    (issue) => `expected "${tag}", got ${issue.received}`,
  )
}
