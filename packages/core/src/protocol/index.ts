export type { Invocation, JmapRequest, ResultReference } from './request.js'
export type { JmapResponse } from './response.js'
