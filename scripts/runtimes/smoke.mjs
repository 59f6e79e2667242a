// The runtime smoke test as an ES module: `node`, `deno run` and `bun` run this file, which
// imports the built packages by name (their `default` export condition: dist/). Prints one line
// and exits 0, or prints the failing step and exits 1.
import * as core from '@typed-jmap/core'
import * as mail from '@typed-jmap/mail'
import * as testing from '@typed-jmap/testing'
import { runSmoke } from './smoke-steps.mjs'

const runtime =
  typeof Deno !== 'undefined'
    ? `Deno ${Deno.version.deno}`
    : typeof Bun !== 'undefined'
      ? `Bun ${Bun.version}`
      : `Node ${process.version}`

try {
  const passed = await runSmoke({ core, mail, testing })
  console.log(`ok   ${runtime} (ESM import): ${passed}`)
  process.exit(0)
} catch (error) {
  console.log(`FAIL ${runtime} (ESM import): ${error?.stack ?? error}`)
  process.exit(1)
}
