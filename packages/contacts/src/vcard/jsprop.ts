import type { VCardWarning } from './vcard-parse-error.js'

/** One JSPROP property: a JSON pointer into the Card and the JSON text of its value. */
export interface JSPropPatch {
  readonly pointer: string
  readonly json: string
  readonly line: number
}

function tokens(pointer: string): string[] {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/**
 * Applies the JSPROP properties of a vCard to the Card converted from it, after everything else
 * (RFC 9555 §3.2.1): together they are one PatchObject, applied whole or, when any patch is
 * invalid, not at all (with a warning).
 *
 * @see RFC 9555 §3.2.1
 * @example applyJSProps(card, [{ pointer: 'example.com:foo', json: '{"bar":1234}', line: 7 }], warnings)
 */
export function applyJSProps(
  card: Record<string, unknown>,
  patches: readonly JSPropPatch[],
  warnings: VCardWarning[],
): void {
  const planned: { parent: Record<string, unknown>; key: string; value: unknown }[] = []
  for (const patch of patches) {
    const path = tokens(patch.pointer)
    let value: unknown
    try {
      value = JSON.parse(patch.json)
    } catch {
      warnings.push({ line: patch.line, message: `JSPROP value is not JSON; no JSPROP applied` })
      return
    }
    let parent: unknown = card
    for (const token of path.slice(0, -1)) {
      parent =
        typeof parent === 'object' && parent !== null && !Array.isArray(parent)
          ? (parent as Record<string, unknown>)[token]
          : undefined
    }
    const key = path[path.length - 1] as string
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent) || key === '') {
      warnings.push({
        line: patch.line,
        message: `JSPTR "${patch.pointer}" does not point into an existing object; no JSPROP applied`,
      })
      return
    }
    planned.push({ parent: parent as Record<string, unknown>, key, value })
  }
  for (const { parent, key, value } of planned) {
    if (value === null) delete parent[key]
    else parent[key] = value
  }
}
