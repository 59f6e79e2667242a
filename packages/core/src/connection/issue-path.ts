/** One step of a valibot issue path, as far as formatting needs it. */
interface PathStep {
  readonly key: unknown
}

/**
 * Formats a valibot issue path as a JavaScript-like accessor.
 *
 * @example issuePath([{ key: 'methodResponses' }, { key: 0 }, { key: 1 }], 'body') // "body.methodResponses[0][1]"
 */
export function issuePath(path: readonly PathStep[] | undefined, root: string): string {
  let text = root
  for (const step of path ?? []) {
    const key = step.key
    if (typeof key === 'number') text += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`
    else text += `[${JSON.stringify(key)}]`
  }
  return text
}
