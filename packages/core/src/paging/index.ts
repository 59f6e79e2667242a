export * from './changes-drainer.js'
export * from './changes-with-get.js'
export type { RawMethodError } from './method-call-result.js'
export * from './query-pager.js'
