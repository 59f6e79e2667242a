import {
  type CapabilityDefinition,
  changesResponseSchema,
  defineCapability,
  getResponseSchema,
  queryChangesResponseSchema,
  queryResponseSchema,
  setResponseSchema,
} from '@typed-jmap/core'
import { builtOnFirstUse } from '@typed-jmap/core/internal'
import { EmailSubmissionSchema } from '../email-submission/email-submission.js'
import { IdentitySchema } from '../identity/identity.js'
import { mailCapability, submissionCapability } from './capability-urns.js'
import type { SubmissionMethods } from './mail-methods.js'

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
      'Identity/changes': { response: builtOnFirstUse(() => changesResponseSchema()) },
      'Identity/set': { response: builtOnFirstUse(() => setResponseSchema(IdentitySchema)) },
      'EmailSubmission/get': { response: getResponseSchema(EmailSubmissionSchema) },
      'EmailSubmission/changes': { response: builtOnFirstUse(() => changesResponseSchema()) },
      'EmailSubmission/query': { response: builtOnFirstUse(() => queryResponseSchema()) },
      'EmailSubmission/queryChanges': {
        response: builtOnFirstUse(() => queryChangesResponseSchema()),
      },
      // Sending needs the mail capability too: the implicit Email/set belongs to it.
      'EmailSubmission/set': {
        response: builtOnFirstUse(() => setResponseSchema(EmailSubmissionSchema)),
        using: [mailCapability],
        ownCreationReferences: ['onSuccessUpdateEmail', 'onSuccessDestroyEmail'],
      },
    },
  })
