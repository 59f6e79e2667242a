import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const fixture = join(root, 'packages/core/test/fixtures/compile-errors')

/** The message each mistake in mistakes.ts must produce, by its `// marker` comment. */
const expected: Readonly<Record<string, string>> = {
  '1': `JmapTypeError<"unknown method 'Todo/gett'; did you mean 'Todo/get'?">`,
  '2a': `JmapTypeError<"Todo/get takes no argument 'idz'">`,
  '2b': `JmapTypeError<"argument 'limit' of Todo/query has the wrong type">`,
  '3': `JmapTypeError<"'/idz' is not a result path of Todo/query: no 'idz'">`,
  // The message leads the expected type, before the reference's own type.
  '4': `is not assignable to type 'JmapTypeError<"the value at '/total' of Todo/query does not fit argument 'ids' of Todo/get">`,
  '5': `the result reference in 'ids' points to a call that is not earlier in this request`,
  '6a': `'titel' is not a property Todo/get can return`,
  '6b': `'listId' is not a sort property of Todo/query`,
  '6c': `'owner' is not a filter property of Todo/query`,
  // Not the Pick's keys: TypeScript prints a union in the order its members were created.
  '7': `Property 'neuralNetworkTimeEstimation' does not exist on type 'Pick<Todo, `,
  '8': `JmapTypeError<"this Todo/set call creates no 'k2'">`,
  '9': `'titel' is not a patch path of the objects of Todo/set`,
  create: `'JmapTypeMismatch<"'title' of what Todo/set creates has the wrong type", string>`,
  // The argument's own type leads, its required `accountId` first; no checker's name.
  missing: `parameter of type 'NoInfer<{ readonly accountId: string;`,
  slash: `'ids' is not a result path of Todo/query: a path starts with '/' ('/ids')`,
  case: `unknown method 'todo/get'; did you mean 'Todo/get'?`,
  capability: `Todo/get (capability urn:ietf:params:jmap:core) is not in the capability tables this client was created with`,
}

/** The compilers the SDK supports, each pinned by a private workspace package (see scripts/typecheck-matrix.mjs). */
const compilers: readonly (readonly [string, string])[] = [
  ['TypeScript 6.0', 'node_modules/typescript/bin/tsc'],
  ['TypeScript 5.9', 'tools/ts-5.9/node_modules/typescript/bin/tsc'],
  ['TypeScript 7.0', 'tools/ts-7.0/node_modules/typescript/bin/tsc'],
]

/** Names of the builder's own types, which a message must never make the user read. */
const internalNames =
  /CheckArgumentsAgainst|CheckedArguments|CheckArgument<|CheckCreate|CheckUpdate/

describe.each(compilers)('compile errors, as a user sees them (%s)', (_label, tsc) => {
  let output = ''
  let lines: string[] = []
  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      [join(root, tsc), '-p', join(fixture, 'tsconfig.json')],
      { cwd: root, encoding: 'utf8' },
    )
    output = `${run.stdout}${run.stderr}`
    lines = readFileSync(join(fixture, 'mistakes.ts'), 'utf8').split('\n')
  }, 120_000)

  it.each(Object.entries(expected))(
    'mistake %s is reported at its line with its message',
    (marker, message) => {
      const line = lines.findIndex((text) => text.endsWith(`// ${marker}`)) + 1
      expect(line).toBeGreaterThan(0)
      const reported = output.split('\n').filter((text) => text.includes(`mistakes.ts(${line},`))
      expect(reported.join('\n')).toContain(message)
    },
  )

  it('reports nothing else, and names none of the builder internal types', () => {
    const errorLines = output.split('\n').filter((text) => /error TS\d+/.test(text))
    expect(errorLines).toHaveLength(Object.keys(expected).length)
    expect(output).not.toMatch(internalNames)
  })
})
