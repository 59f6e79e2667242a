import { IdSchema, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import type { ShareNotification } from './share-notification.js'

const rights = v.nullable(v.record(v.string(), v.boolean()))

/**
 * The valibot schema of {@link ShareNotification}.
 *
 * @see RFC 9670 §4
 */
export const ShareNotificationSchema: v.GenericSchema<unknown, ShareNotification> = v.looseObject({
  id: IdSchema,
  created: UTCDateSchema,
  changedBy: v.looseObject({
    name: v.string(),
    email: v.nullable(v.string()),
    principalId: v.nullable(IdSchema),
  }),
  objectType: v.string(),
  objectAccountId: IdSchema,
  objectId: IdSchema,
  oldRights: rights,
  newRights: rights,
  name: v.exactOptional(v.string()),
})
