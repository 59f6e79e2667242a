import type { PatchObject } from './primitives.js'
import { setOwnProperty } from './set-own-property.js'

/**
 * Applies a JSCalendar PatchObject to a copy of an object, as a recurrence override does to its main event.
 *
 * Pointers may reach into arrays to replace a member, `null` removes a property, and the parent of
 * every pointer must exist; a patch that breaks a rule returns `undefined`, since JSCalendar 2.0
 * makes the whole PatchObject invalid then (no partial apply).
 *
 * @see draft-ietf-calext-jscalendarbis §1.4.9
 * @example applyPatchObject({ title: 'a', alerts: { k: { action: 'display' } } }, { 'alerts/k/action': 'email' })
 */
export function applyPatchObject<T extends object>(target: T, patch: PatchObject): T | undefined {
  // Copy on write: only the objects on a patched path are copied, the rest is shared with the
  // target, which a recurrence override of a large event makes much cheaper than a deep clone.
  const result = { ...(target as Record<string, unknown>) }
  const copied = new Set<unknown>([result])
  const pointers = Object.keys(patch)
  for (const pointer of pointers) {
    if (pointers.some((other) => other !== pointer && pointer.startsWith(`${other}/`)))
      return undefined
    const tokens = parseJsonPointer(pointer)
    let parent: Record<string, unknown> | unknown[] = result
    for (const token of tokens.slice(0, -1)) {
      const child = childOf(parent, token)
      if (typeof child !== 'object' || child === null) return undefined
      const copy: Record<string, unknown> | unknown[] = copied.has(child)
        ? (child as Record<string, unknown> | unknown[])
        : Array.isArray(child)
          ? [...child]
          : { ...(child as Record<string, unknown>) }
      copied.add(copy)
      if (Array.isArray(parent)) parent[Number(token)] = copy
      else parent[token] = copy
      parent = copy
    }
    const last = tokens[tokens.length - 1]
    if (last === undefined) return undefined
    const value = patch[pointer]
    const fresh = typeof value === 'object' && value !== null ? structuredClone(value) : value
    if (Array.isArray(parent)) {
      const index = Number(last)
      if (!/^\d+$/.test(last) || index >= parent.length || fresh === null) return undefined
      parent[index] = fresh
    } else if (fresh === null) {
      delete parent[last]
    } else {
      setOwnProperty(parent, last, fresh)
    }
  }
  return result as T
}

/**
 * Splits a PatchObject key (a JSON pointer without the leading `/`) into unescaped tokens.
 *
 * @see RFC 6901 §3
 * @example parseJsonPointer('keywords/a~1b') // ['keywords', 'a/b']
 */
export function parseJsonPointer(pointer: string): string[] {
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer
  return body.split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/**
 * Joins tokens into a PatchObject key, escaping `~` and `/`.
 *
 * @see RFC 6901 §3
 * @example formatJsonPointer(['keywords', 'a/b']) // 'keywords/a~1b'
 */
export function formatJsonPointer(tokens: readonly string[]): string {
  return tokens.map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')
}

function childOf(parent: unknown, token: string): unknown {
  if (typeof parent !== 'object' || parent === null) return undefined
  if (Array.isArray(parent)) return /^\d+$/.test(token) ? parent[Number(token)] : undefined
  return Object.hasOwn(parent, token) ? (parent as Record<string, unknown>)[token] : undefined
}
