export type { CreationId, CreationIdsOf } from './creation-id.js'
