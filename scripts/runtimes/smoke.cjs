// The runtime smoke test as a CommonJS script: `require()` of the built ESM packages, which Node
// 22.12+ allows (require(esm)) for modules without top-level await. The steps themselves are
// the ES module smoke.mjs runs, required the same way.
const core = require('@typed-jmap/core')
const mail = require('@typed-jmap/mail')
const testing = require('@typed-jmap/testing')
const { runSmoke } = require('./smoke-steps.mjs')

runSmoke({ core, mail, testing })
  .then((passed) => {
    console.log(`ok   Node ${process.version} (CommonJS require): ${passed}`)
    process.exit(0)
  })
  .catch((error) => {
    console.log(`FAIL Node ${process.version} (CommonJS require): ${error?.stack ?? error}`)
    process.exit(1)
  })
