import { describe, expect, it } from 'vitest'
import { compareCorpusWithIcalJs } from '../../test/ical-support/ical-js-expansion.js'

// Recurrence expansion checked against ical.js on every recurring series of the world corpus
// (real .ics files from public projects, ../shared/testdata/world). Files the converter does not
// import yet are counted apart; every series that expands differently must show a cause the
// file itself has (see DifferenceCause), so a new difference fails the test until it is explained.
describe('recurrence expansion agrees with ical.js on the world corpus', () => {
  it('expands every recurring series like ical.js, or differs for a known reason', () => {
    const { summary, report } = compareCorpusWithIcalJs()
    console.info(`expansion vs ical.js: ${report}`)
    expect(summary.unexplained).toEqual([])
    // Where a start outside the rule or dates overrides add are the only causes, the rest of the
    // series must agree (as the same local time or the same instant).
    expect(summary.restDiffers).toEqual([])
    expect(summary.agreeing).toBeGreaterThanOrEqual(211)
    // 400 files converted and expanded twice: far longer than a unit test's default 5 s.
  }, 120_000)
})
