export type { EventSourceOptions, PushEvents } from './event-source.js'
export * from './push-subscription.js'
export * from './state-change.js'
export type {
  AuthorizedFetch,
  JmapWebSocket,
  WebSocketConstructor,
  WebSocketLike,
  WebSocketOptions,
  WebSocketPushOptions,
} from './web-socket.js'
export { webSocketCapability } from './web-socket.js'
