import { describe, expect, it } from 'vitest'
import { defaultWebSocketReconnect, reconnectDelay } from './web-socket-reconnect.js'

describe('reconnectDelay', () => {
  it('doubles per attempt, jitters between half and all, and stops at maxDelay', () => {
    const low = () => 0
    const high = () => 1
    expect(reconnectDelay(0, defaultWebSocketReconnect, low)).toBe(125)
    expect(reconnectDelay(0, defaultWebSocketReconnect, high)).toBe(250)
    expect(reconnectDelay(3, defaultWebSocketReconnect, high)).toBe(2000)
    expect(reconnectDelay(20, defaultWebSocketReconnect, high)).toBe(30_000)
    expect(reconnectDelay(20, defaultWebSocketReconnect, low)).toBe(15_000)
  })
})
