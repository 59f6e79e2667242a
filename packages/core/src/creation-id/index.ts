export type { CreationId, CreationIdsOf } from './creation-id.js'
export { type EchoedId, EchoedIdSchema } from './echoed-id.js'
