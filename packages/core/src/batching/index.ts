export type { BatchingOptions, QueuedCall } from './auto-batcher.js'
