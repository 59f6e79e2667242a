// What a connection imports on first use of blobs or push, as one chunk: an app
// that only sends requests does not bundle it, and one that does fetches a
// single file. (Separate chunks per feature would split the code they share with
// the main bundle into more files, which costs the main bundle more than it saves.)
// These modules import nothing the request path loads except as types: what they
// use of it comes in `onDemandKit` (./on-demand-kit.ts says why).
export { downloadBlob, downloadUrl } from '../blob/download.js'
export { uploadBlob } from '../blob/upload.js'
export { blobCopyRuntime } from '../capabilities/blob-copy-runtime.js'
export { openEventSource } from '../push/event-source.js'
export {
  pushSubscriptionGetRuntime,
  pushSubscriptionSetRuntime,
} from '../push/push-subscription.js'
export { openJmapWebSocket } from '../push/web-socket.js'
