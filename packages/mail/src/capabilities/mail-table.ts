import {
  type CapabilityDefinition,
  changesResponseSchema,
  copyResponseSchema,
  defineCapability,
  getResponseSchema,
  IdSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { builtOnFirstUse } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { EmailSchema } from '../email/email.js'
import {
  emailGetResponseSchema,
  emailImportResponseSchema,
  emailParseResponseSchema,
} from '../email/email-response-schemas.js'
import { MailboxSchema } from '../mailbox/mailbox.js'
import { SearchSnippetSchema } from '../search-snippet/search-snippet.js'
import { ThreadSchema } from '../thread/thread.js'
import { mailCapability } from './capability-urns.js'
import type { MailMethods } from './mail-methods.js'
import { updatedPropertiesEntry } from './updated-properties-entry.js'

// Email/query and Email/queryChanges take collapseThreads and echo it back.
const collapseThreadsEntry = { collapseThreads: v.optional(v.boolean()) }

/**
 * The runtime table of `urn:ietf:params:jmap:mail`: Mailbox, Thread, Email, SearchSnippet.
 *
 * @see RFC 8621 §2–5
 * @example createClient({ sessionUrl, capabilities: [mail] })
 */
export const mail: CapabilityDefinition<typeof mailCapability, MailMethods> = defineCapability<
  typeof mailCapability,
  MailMethods
>({
  urn: mailCapability,
  methods: {
    'Mailbox/get': { response: getResponseSchema(MailboxSchema) },
    'Mailbox/changes': {
      response: builtOnFirstUse(() => changesResponseSchema(updatedPropertiesEntry)),
    },
    'Mailbox/query': { response: builtOnFirstUse(() => queryResponseSchema()) },
    'Mailbox/queryChanges': { response: builtOnFirstUse(() => queryChangesResponseSchema()) },
    'Mailbox/set': { response: builtOnFirstUse(() => setResponseSchema(MailboxSchema)) },
    'Thread/get': { response: getResponseSchema(ThreadSchema) },
    'Thread/changes': { response: builtOnFirstUse(() => changesResponseSchema()) },
    'Email/get': { response: emailGetResponseSchema() },
    'Email/changes': { response: builtOnFirstUse(() => changesResponseSchema()) },
    'Email/query': { response: builtOnFirstUse(() => queryResponseSchema(collapseThreadsEntry)) },
    'Email/queryChanges': {
      response: builtOnFirstUse(() => queryChangesResponseSchema(collapseThreadsEntry)),
    },
    'Email/set': { response: builtOnFirstUse(() => setResponseSchema(EmailSchema)) },
    'Email/copy': { response: builtOnFirstUse(() => copyResponseSchema(EmailSchema)) },
    'Email/import': { response: emailImportResponseSchema },
    'Email/parse': { response: emailParseResponseSchema() },
    'SearchSnippet/get': {
      response: builtOnFirstUse(() =>
        v.looseObject({
          accountId: IdSchema,
          list: v.array(SearchSnippetSchema),
          notFound: v.nullish(v.array(IdSchema), null),
        }),
      ),
    },
  },
})
