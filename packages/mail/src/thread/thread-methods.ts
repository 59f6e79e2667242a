import type { ChangesMethod, GetMethod } from '@typed-jmap/core'
import type { mailCapability } from '../capabilities/capability-urns.js'
import type { Thread } from './thread.js'

/**
 * `Thread/get`: the Email ids of each Thread.
 *
 * @see RFC 8621 §3.1
 */
export interface ThreadGetMethod extends GetMethod<typeof mailCapability, Thread> {}

/**
 * `Thread/changes`.
 *
 * @see RFC 8621 §3.2
 */
export interface ThreadChangesMethod extends ChangesMethod<typeof mailCapability> {}
