import {
  type CapabilityDefinition,
  changesResponseSchema,
  copyResponseSchema,
  defineCapability,
  getResponseSchema,
  IdSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  SetErrorSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'
import { EmailSchema } from '../email/email.js'
import {
  emailGetResponseSchema,
  emailImportResponseSchema,
  emailParseResponseSchema,
} from '../email/email-response-schemas.js'
import { EmailSubmissionSchema } from '../email-submission/email-submission.js'
import { IdentitySchema } from '../identity/identity.js'
import { MailboxSchema } from '../mailbox/mailbox.js'
import { MdnSchema } from '../mdn/mdn.js'
import { QuotaSchema } from '../quota/quota.js'
import { SearchSnippetSchema } from '../search-snippet/search-snippet.js'
import { ThreadSchema } from '../thread/thread.js'
import { VacationResponseSchema } from '../vacation-response/vacation-response.js'
import {
  mailCapability,
  mdnCapability,
  quotaCapability,
  submissionCapability,
  vacationResponseCapability,
} from './capability-urns.js'
import type {
  MailMethods,
  MdnMethods,
  QuotaMethods,
  SubmissionMethods,
  VacationResponseMethods,
} from './mail-methods.js'

const updatedPropertiesEntry = { updatedProperties: v.nullish(v.array(v.string()), null) }
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
    'Mailbox/changes': { response: changesResponseSchema(updatedPropertiesEntry) },
    'Mailbox/query': { response: queryResponseSchema() },
    'Mailbox/queryChanges': { response: queryChangesResponseSchema() },
    'Mailbox/set': { response: setResponseSchema(MailboxSchema) },
    'Thread/get': { response: getResponseSchema(ThreadSchema) },
    'Thread/changes': { response: changesResponseSchema() },
    'Email/get': { response: emailGetResponseSchema() },
    'Email/changes': { response: changesResponseSchema() },
    'Email/query': { response: queryResponseSchema(collapseThreadsEntry) },
    'Email/queryChanges': { response: queryChangesResponseSchema(collapseThreadsEntry) },
    'Email/set': { response: setResponseSchema(EmailSchema) },
    'Email/copy': { response: copyResponseSchema(EmailSchema) },
    'Email/import': { response: emailImportResponseSchema },
    'Email/parse': { response: emailParseResponseSchema() },
    'SearchSnippet/get': {
      response: v.looseObject({
        accountId: IdSchema,
        list: v.array(SearchSnippetSchema),
        notFound: v.nullish(v.array(IdSchema), null),
      }),
    },
  },
})

/**
 * The runtime table of `urn:ietf:params:jmap:submission`: Identity, EmailSubmission.
 *
 * @see RFC 8621 §6–7
 * @example createClient({ sessionUrl, capabilities: [mail, submission] })
 */
export const submission: CapabilityDefinition<typeof submissionCapability, SubmissionMethods> =
  defineCapability<typeof submissionCapability, SubmissionMethods>({
    urn: submissionCapability,
    methods: {
      'Identity/get': { response: getResponseSchema(IdentitySchema) },
      'Identity/changes': { response: changesResponseSchema() },
      'Identity/set': { response: setResponseSchema(IdentitySchema) },
      'EmailSubmission/get': { response: getResponseSchema(EmailSubmissionSchema) },
      'EmailSubmission/changes': { response: changesResponseSchema() },
      'EmailSubmission/query': { response: queryResponseSchema() },
      'EmailSubmission/queryChanges': { response: queryChangesResponseSchema() },
      // Sending needs the mail capability too: the implicit Email/set belongs to it.
      'EmailSubmission/set': {
        response: setResponseSchema(EmailSubmissionSchema),
        using: [mailCapability],
        ownCreationReferences: ['onSuccessUpdateEmail', 'onSuccessDestroyEmail'],
      },
    },
  })

/**
 * The runtime table of `urn:ietf:params:jmap:vacationresponse`.
 *
 * @see RFC 8621 §8
 * @example createClient({ sessionUrl, capabilities: [vacationResponse] })
 */
export const vacationResponse: CapabilityDefinition<
  typeof vacationResponseCapability,
  VacationResponseMethods
> = defineCapability<typeof vacationResponseCapability, VacationResponseMethods>({
  urn: vacationResponseCapability,
  methods: {
    'VacationResponse/get': { response: getResponseSchema(VacationResponseSchema) },
    'VacationResponse/set': { response: setResponseSchema(VacationResponseSchema) },
  },
})

/**
 * The runtime table of `urn:ietf:params:jmap:mdn`; its calls also send the mail capability.
 *
 * @see RFC 9007 §3
 * @example createClient({ sessionUrl, capabilities: [mail, mdn] })
 */
export const mdn: CapabilityDefinition<typeof mdnCapability, MdnMethods> = defineCapability<
  typeof mdnCapability,
  MdnMethods
>({
  urn: mdnCapability,
  methods: {
    'MDN/send': {
      response: v.looseObject({
        accountId: IdSchema,
        sent: v.nullish(v.record(v.string(), v.record(v.string(), v.unknown())), null),
        notSent: v.nullish(v.record(v.string(), SetErrorSchema), null),
      }),
      using: [mailCapability],
      creates: ['send'],
      ownCreationReferences: ['onSuccessUpdateEmail'],
    },
    'MDN/parse': {
      response: v.looseObject({
        accountId: IdSchema,
        parsed: v.nullish(v.record(v.string(), MdnSchema), null),
        notParsable: v.nullish(v.array(IdSchema), null),
        notFound: v.nullish(v.array(IdSchema), null),
      }),
      using: [mailCapability],
    },
  },
})

/**
 * The runtime table of `urn:ietf:params:jmap:quota`.
 *
 * @see RFC 9425 §5
 * @example createClient({ sessionUrl, capabilities: [quota] })
 */
export const quota: CapabilityDefinition<typeof quotaCapability, QuotaMethods> = defineCapability<
  typeof quotaCapability,
  QuotaMethods
>({
  urn: quotaCapability,
  methods: {
    'Quota/get': { response: getResponseSchema(QuotaSchema) },
    'Quota/changes': { response: changesResponseSchema(updatedPropertiesEntry) },
    'Quota/query': { response: queryResponseSchema() },
    'Quota/queryChanges': { response: queryChangesResponseSchema() },
  },
})

/**
 * Every capability table of this package, to pass to `createClient` at once.
 *
 * @example createClient({ sessionUrl, capabilities: [mailCapabilities] })
 */
export const mailCapabilities: readonly [
  typeof mail,
  typeof submission,
  typeof vacationResponse,
  typeof mdn,
  typeof quota,
] = [mail, submission, vacationResponse, mdn, quota]
