import type { WebSocket } from 'ws'
import { isJsonObject, type JsonObject } from '../json.js'
import { problemBody } from '../protocol/problem-details.js'
import { processRequest } from '../server/api-processor.js'
import type { ServerRuntime, StateChange } from '../server/server-runtime.js'
import { filterStateChange } from './event-source-stream.js'

/** Every current state of every account, for a push that catches a client up. */
function currentStates(runtime: ServerRuntime): StateChange {
  const changed: Record<string, Record<string, string>> = {}
  for (const account of runtime.accounts.values()) {
    const states: Record<string, string> = {}
    for (const store of account.allStores()) states[store.typeName] = store.state
    for (const [name, value] of account.pseudoStates) states[name] = String(value)
    changed[account.id] = states
  }
  return { '@type': 'StateChange', changed }
}

/**
 * Speaks RFC 8887 on one WebSocket: `Request` → `Response`/`RequestError`
 * (echoing `id` as `requestId`), and `WebSocketPushEnable`/`Disable` for
 * `StateChange` pushes with a `pushState`.
 *
 * @see RFC 8887 §4
 * @example {"@type":"Request","id":"r1","using":["urn:ietf:params:jmap:core"],"methodCalls":[["Core/echo",{},"c0"]]}
 */
export function handleWebSocket(runtime: ServerRuntime, webSocket: WebSocket): void {
  let pushCounter = 0
  let listener: ((change: StateChange) => void) | undefined
  const send = (frame: JsonObject): void => webSocket.send(JSON.stringify(frame))
  const disablePush = (): void => {
    if (listener !== undefined) runtime.pushListeners.delete(listener)
    listener = undefined
  }
  webSocket.on('close', disablePush)
  webSocket.on('message', (data, isBinary) => {
    let frame: unknown
    try {
      if (isBinary) throw new Error('binary frame')
      frame = JSON.parse(String(data))
    } catch {
      send({
        '@type': 'RequestError',
        ...problemBody('notJSON', 400, 'the frame is not JSON text'),
      })
      return
    }
    if (!isJsonObject(frame)) {
      send({
        '@type': 'RequestError',
        ...problemBody('notRequest', 400, 'the frame is not an object'),
      })
      return
    }
    const requestId = typeof frame.id === 'string' ? { requestId: frame.id } : {}
    if (frame['@type'] === 'Request') {
      const { '@type': _type, id: _id, ...body } = frame
      const result = processRequest(runtime, body)
      if ('problem' in result) {
        const { type, detail, limit } = result.problem
        send({
          '@type': 'RequestError',
          ...requestId,
          ...problemBody(type, 400, detail, limit === undefined ? {} : { limit }),
        })
      } else {
        send({ '@type': 'Response', ...requestId, ...result.response })
      }
      return
    }
    if (frame['@type'] === 'WebSocketPushEnable') {
      disablePush()
      const dataTypes = Array.isArray(frame.dataTypes)
        ? new Set(frame.dataTypes.filter((item): item is string => typeof item === 'string'))
        : null
      const push = (change: StateChange): void => {
        const kept = filterStateChange(change, dataTypes)
        if (kept === null) return
        pushCounter += 1
        send({ ...kept, pushState: String(pushCounter) })
      }
      listener = push
      runtime.pushListeners.add(push)
      // A stale pushState means the client missed changes: catch it up with every current state.
      if (typeof frame.pushState === 'string' && frame.pushState !== String(pushCounter)) {
        push(currentStates(runtime))
      }
      return
    }
    if (frame['@type'] === 'WebSocketPushDisable') {
      disablePush()
      return
    }
    send({
      '@type': 'RequestError',
      ...requestId,
      ...problemBody('notRequest', 400, `unknown @type ${JSON.stringify(frame['@type'])}`),
    })
  })
}
