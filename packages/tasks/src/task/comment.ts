import * as v from 'valibot'
import { type Person, PersonSchema } from './person.js'

/**
 * A free-text comment on a task (the `comments` property).
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.4
 * @example { "@type": "Comment", "message": "Waiting for the quote.", "created": "2023-03-10T10:00:00Z", "author": { "@type": "Person", "name": "Jane" } }
 */
export interface Comment {
  readonly '@type': 'Comment'
  readonly message: string
  readonly created?: string
  readonly updated?: string
  readonly author?: Person
}

/**
 * Validates a {@link Comment}; unknown members are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.4
 */
export const CommentSchema: v.GenericSchema<unknown, Comment> = v.looseObject({
  '@type': v.literal('Comment'),
  message: v.string(),
  created: v.exactOptional(v.string()),
  updated: v.exactOptional(v.string()),
  author: v.exactOptional(PersonSchema),
})
