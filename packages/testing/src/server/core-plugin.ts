import type { JsonObject } from '../json.js'
import { readStringList, rejectUnknownArguments } from '../methods/method-arguments.js'
import { MethodError } from '../protocol/method-error.js'
import type { TestServerPlugin } from './server-runtime.js'

/** The core capability URN. */
export const coreCapability = 'urn:ietf:params:jmap:core'

/**
 * RFC 8620 itself: the core capability (its session object is filled in from
 * the limits), `Core/echo` and `Blob/copy`.
 *
 * @see RFC 8620 §4, §6.3
 */
export const corePlugin: TestServerPlugin = {
  name: 'core',
  capabilities: { [coreCapability]: { session: {} } },
  methods: {
    'Core/echo': { capability: coreCapability, handler: (args) => [['Core/echo', args]] },
    'Blob/copy': {
      capability: coreCapability,
      handler: (args, context) => {
        rejectUnknownArguments(args, ['fromAccountId', 'accountId', 'blobIds'])
        const from = context.runtime.accounts.get(String(args.fromAccountId))
        if (from === undefined) throw new MethodError('fromAccountNotFound')
        const to = context.runtime.accounts.get(String(args.accountId))
        if (to === undefined) throw new MethodError('accountNotFound')
        if (to.isReadOnly) throw new MethodError('accountReadOnly')
        const copied: Record<string, string> = {}
        const notCopied: JsonObject = {}
        for (const blobId of readStringList(args, 'blobIds') ?? []) {
          const blob = from.blobs.get(blobId)
          if (blob === undefined) notCopied[blobId] = { type: 'blobNotFound' }
          else copied[blobId] = to.blobs.add(blob.data, blob.type).id
        }
        return [
          [
            'Blob/copy',
            {
              fromAccountId: from.id,
              accountId: to.id,
              copied: Object.keys(copied).length > 0 ? copied : null,
              notCopied: Object.keys(notCopied).length > 0 ? notCopied : null,
            },
          ],
        ]
      },
    },
  },
}
