import type { JmapRequest } from '../../src/protocol/request.js'
import type { JmapResponse } from '../../src/protocol/response.js'
import {
  type LocalHttpServer,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from './local-http-server.js'

/** A JMAP server on loopback whose API answers each request with `answer(request)`. */
export interface ScriptedJmapServer {
  readonly sessionUrl: string
  /** The request bodies the API received, parsed. */
  readonly received: JmapRequest[]
  close(): Promise<void>
}

/** Starts a loopback JMAP server: session at `/jmap`, API at `/jmap/`. */
export async function startScriptedJmapServer(
  answer: (request: JmapRequest) => JmapResponse | Promise<JmapResponse>,
): Promise<ScriptedJmapServer> {
  const received: JmapRequest[] = []
  const server: LocalHttpServer = await startLocalHttpServer(async (request, response) => {
    if (request.method === 'GET' && request.url === '/jmap') {
      sendJson(response, 200, sessionBody({}, { maxCallsInRequest: 64 }))
    } else if (request.method === 'POST' && request.url === '/jmap/') {
      const body = JSON.parse(request.body) as JmapRequest
      received.push(body)
      sendJson(response, 200, await answer(body))
    } else {
      response.writeHead(404).end()
    }
  })
  return { sessionUrl: `${server.origin}/jmap`, received, close: () => server.close() }
}
