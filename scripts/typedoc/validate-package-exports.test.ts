// The docs:check plugin on a one-file workspace package: it must report a type a public signature
// names but the package does not export, accept it once listed, and report a listed name that
// nothing references.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Application, LogLevel, TSConfigReader } from 'typedoc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const plugin = new URL('./validate-package-exports.mjs', import.meta.url).pathname
let directory = ''

// A monorepo in miniature: the project is the root package, the type lives in a workspace package.
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'typedoc-plugin-'))
  const source = join(directory, 'packages', 'fixture', 'src')
  await mkdir(source, { recursive: true })
  await writeFile(join(directory, 'package.json'), JSON.stringify({ name: 'fixture-monorepo' }))
  await writeFile(
    join(directory, 'packages', 'fixture', 'package.json'),
    JSON.stringify({ name: '@typed-jmap/fixture', version: '0.0.0', type: 'module' }),
  )
  await writeFile(
    join(directory, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', lib: ['ES2022'] },
      files: ['packages/fixture/src/index.ts', 'packages/other/src/index.ts'],
    }),
  )
  // A second package, so the entry points' common directory is packages/ and the project is the
  // root package, as in this repository.
  const other = join(directory, 'packages', 'other')
  await mkdir(join(other, 'src'), { recursive: true })
  await writeFile(join(other, 'package.json'), JSON.stringify({ name: '@typed-jmap/other' }))
  await writeFile(
    join(other, 'src', 'index.ts'),
    '/** Another package. */\nexport const other = 1\n',
  )
  await writeFile(
    join(source, 'index.ts'),
    [
      '/** What the function takes; not exported. */',
      'interface Hidden { readonly value: string }',
      '/** Reads a value. */',
      'export function read(hidden: Hidden): string { return hidden.value }',
      '',
    ].join('\n'),
  )
})

afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

async function warningsWith(
  packageTypesNotExported: readonly string[],
  plugins: readonly string[] = [plugin],
): Promise<string[]> {
  const app = await Application.bootstrapWithPlugins(
    {
      entryPoints: ['fixture', 'other'].map((name) =>
        join(directory, 'packages', name, 'src', 'index.ts'),
      ),
      tsconfig: join(directory, 'tsconfig.json'),
      plugin: [...plugins],
      skipErrorChecking: true,
      logLevel: LogLevel.Warn,
      validation: { notExported: true, invalidLink: true, notDocumented: false },
      ...(plugins.length === 0 ? {} : { packageTypesNotExported: [...packageTypesNotExported] }),
      // packageTypesNotExported is declared by the plugin, so TypeDocOptions does not know it.
    } as Parameters<typeof Application.bootstrapWithPlugins>[0],
    [new TSConfigReader()],
  )
  const warnings: string[] = []
  app.logger.validationWarning = (message: string) => {
    warnings.push(message)
  }
  const project = await app.convert()
  if (project === undefined) throw new Error('TypeDoc did not convert the fixture')
  app.validate(project)
  return warnings
}

describe('validate-package-exports', () => {
  it('is needed: TypeDoc alone does not check types of a package other than the root', async () => {
    expect(await warningsWith([], [])).toEqual([])
  }, 60_000)

  it('reports a referenced type the package does not export', async () => {
    expect(await warningsWith([])).toEqual([
      expect.stringMatching(
        /^Hidden, defined in @typed-jmap\/fixture\/src\/index\.ts, is referenced by .*read.* but not included/,
      ),
    ])
  }, 60_000)

  it('accepts it when listed on purpose', async () => {
    expect(await warningsWith(['fixture/src/index.ts:Hidden'])).toEqual([])
  }, 60_000)

  it('reports a listed name that nothing references', async () => {
    expect(
      await warningsWith(['fixture/src/index.ts:Hidden', 'fixture/src/index.ts:Gone']),
    ).toEqual([
      'packageTypesNotExported lists names no longer referenced: fixture/src/index.ts:Gone',
    ])
  }, 60_000)
})
