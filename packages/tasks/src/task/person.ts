import * as v from 'valibot'

/**
 * Someone a check item is assigned to, the author of a comment, or who changed a task. The
 * draft requires `principalId` or `uri`; both are optional here because the type is read from
 * servers, and a server that sends neither still has a task worth showing.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 * @example { "@type": "Person", "name": "Joe Bloggs", "uri": "mailto:joe@example.com", "principalId": "P2" }
 */
export interface Person {
  readonly '@type': 'Person'
  readonly name?: string
  /** Should be the `scheduleId`/`sendTo` URI of the matching participant. */
  readonly uri?: string
  readonly principalId?: string
}

/**
 * Validates a {@link Person}; unknown members are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 */
export const PersonSchema: v.GenericSchema<unknown, Person> = v.looseObject({
  '@type': v.literal('Person'),
  name: v.exactOptional(v.string()),
  uri: v.exactOptional(v.string()),
  principalId: v.exactOptional(v.string()),
})
