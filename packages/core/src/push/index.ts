export type { EventSourceOptions, PushEvents } from './event-source.js'
export * from './push-inbox.js'
export * from './push-subscription.js'
export * from './state-change.js'
export * from './subscribe-to-push.js'
export type {
  AuthorizedFetch,
  JmapWebSocket,
  WebSocketConstructor,
  WebSocketLike,
  WebSocketOptions,
  WebSocketPushOptions,
} from './web-socket.js'
export { webSocketCapability } from './web-socket.js'
export {
  defaultWebSocketReconnect,
  type WebSocketReconnectOptions,
} from './web-socket-reconnect.js'
