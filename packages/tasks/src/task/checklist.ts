import * as v from 'valibot'
import { type Person, PersonSchema } from './person.js'

/**
 * One item of a {@link Checklist}.
 *
 * The draft spells the assignee member `assigneee` (three e's); `assignee` is what it means.
 * Both are typed so either spelling a server sends is read; write `assignee`.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 * @example { "@type": "CheckItem", "title": "Buy milk", "sortOrder": 1, "isComplete": false, "updated": "2023-03-10T10:00:00Z", "assignee": { "@type": "Person", "principalId": "P2" } }
 */
export interface CheckItem {
  readonly '@type': 'CheckItem'
  readonly title: string
  /** Lower first; 0 ≤ sortOrder < 2^31 (default 0). */
  readonly sortOrder?: number
  readonly updated?: string
  readonly isComplete: boolean
  readonly assignee?: Person
  /** The draft's misspelling of `assignee`, as a server following the text may send it. */
  readonly assigneee?: Person
}

/**
 * A titled list of check items inside a task (the `checklists` property).
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 * @example { "@type": "Checklist", "title": "Groceries", "checkItems": [{ "@type": "CheckItem", "title": "Buy milk", "isComplete": false }] }
 */
export interface Checklist {
  readonly '@type': 'Checklist'
  readonly title?: string
  readonly checkItems?: readonly CheckItem[]
}

/**
 * Validates a {@link CheckItem}; unknown members are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 */
export const CheckItemSchema: v.GenericSchema<unknown, CheckItem> = v.looseObject({
  '@type': v.literal('CheckItem'),
  title: v.string(),
  sortOrder: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  updated: v.exactOptional(v.string()),
  isComplete: v.boolean(),
  assignee: v.exactOptional(PersonSchema),
  assigneee: v.exactOptional(PersonSchema),
})

/**
 * Validates a {@link Checklist}; unknown members are kept.
 *
 * @see draft-ietf-jmap-tasks-06 §4.2.3
 */
export const ChecklistSchema: v.GenericSchema<unknown, Checklist> = v.looseObject({
  '@type': v.literal('Checklist'),
  title: v.exactOptional(v.string()),
  checkItems: v.exactOptional(v.array(CheckItemSchema)),
})
