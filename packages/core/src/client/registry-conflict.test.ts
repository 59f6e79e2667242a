import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const fixture = join(root, 'packages/core/test/fixtures/registry-conflict')

/** Type-checks one file of the fixture (published-style packages, skipLibCheck on) with tsc. */
function check(file: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'registry-conflict-'))
  try {
    const config = join(directory, 'tsconfig.json')
    writeFileSync(
      config,
      JSON.stringify({ extends: join(fixture, 'tsconfig.json'), files: [join(fixture, file)] }),
    )
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', config],
      { cwd: root, encoding: 'utf8' },
    )
    return `${run.stdout}${run.stderr}`
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

describe('two packages registering one method differently', () => {
  it('is a compile error at the user’s createClient, with skipLibCheck on', () => {
    const output = check('app.ts')
    expect(output).toMatch(/app\.ts\(6,\d+\): error TS2345/)
    expect(output).toContain("method 'X/get' is registered differently by two packages")
  }, 120_000)

  it('is not an error when only one of them is used', () => {
    expect(check('app-single.ts')).not.toMatch(/app-single\.ts.*error/)
  }, 120_000)
})
