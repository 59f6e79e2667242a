import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The parts of an Email's subject and body that matched a search, HTML-escaped with
 * `<mark>` around the matches; null when nothing in that field matched.
 *
 * It has no `id` and no state: it is computed for an `emailId` and a filter.
 *
 * @see RFC 8621 §5
 * @example { "emailId": "M44200ec123de277c0c1ce69c", "subject": null, "preview": "…the <mark>Ides</mark> of March…" }
 */
export interface SearchSnippet {
  readonly emailId: Id
  readonly subject: string | null
  readonly preview: string | null
}

/**
 * Validates a SearchSnippet; a missing `subject`/`preview` reads as null.
 *
 * @see RFC 8621 §5
 */
export const SearchSnippetSchema: v.GenericSchema<unknown, SearchSnippet> = v.looseObject({
  emailId: IdSchema,
  subject: v.optional(v.nullable(v.string()), null),
  preview: v.optional(v.nullable(v.string()), null),
})
