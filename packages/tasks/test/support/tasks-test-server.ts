import { createTestServer, type JsonObject, type TestServer } from '@typed-jmap/testing'

/** An in-memory server with JMAP Tasks and a second account. */
export function createTasksTestServer(): TestServer {
  return createTestServer({
    accounts: [
      { id: 'u1', name: 'test@example.com' },
      { id: 'u2', name: 'shared' },
    ],
  })
}

/** Seeds a TaskNotification as a server would record another user's change. */
export function seedTaskNotification(server: TestServer, notification: JsonObject): string {
  return server.seed.record('TaskNotification', notification)
}
