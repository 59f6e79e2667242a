import { defineConfig, type ViteUserConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through this export
// condition, so tests and type checks never need a build first.
const sourceCondition = '@typed-jmap/source'

const unitInclude = [
  'packages/*/src/**/*.test.ts',
  'fixtures/src/**/*.test.ts',
  'scripts/**/*.test.ts',
  'bench/types/**/*.test.ts',
  'examples/*/src/**/*.test.ts',
  'docs/guides/snippets/*.test.ts',
]

const config: ViteUserConfig = defineConfig({
  resolve: { conditions: [sourceCondition, 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: [sourceCondition, 'node', 'default'] } },
  test: {
    // The second reporter prints the integration tests counted per server.
    reporters: ['default', './scripts/integration/run-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitInclude },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: [
              'packages/*/src/**/*.test-d.ts',
              'packages/*/test/**/*.test-d.ts',
              'examples/*/src/**/*.test-d.ts',
              'scripts/**/*.test-d.ts',
            ],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/integration/**/*.test.ts'],
          // Starts (or reuses) the Cyrus servers; see scripts/cyrus/README.md.
          globalSetup: ['./scripts/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Real headless Chromium (scripts/browser/install-chromium.sh).
          name: 'browser',
          include: ['examples/*/test/**/*.browser.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})

export default config
