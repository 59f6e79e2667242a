import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The testing README's custom-capability page quotes this package's files; a quote is a block
// after `<!-- quoted: <path> -->`, and must appear in that file verbatim, so the documented code
// is the code CI type-checks and runs. (docs/guides/snippets/guides.test.ts checks the guides,
// docs/guides/own-capability.md among them, the same way.)
const repositoryRoot = new URL('../../../', import.meta.url)
const documents = ['packages/testing/README.md']
const quotePattern = /<!-- quoted: (\S+) -->\n```ts\n([\s\S]*?)```/g

const read = (path: string): string => readFileSync(new URL(path, repositoryRoot), 'utf8')

describe.each(documents)('the quotes in %s', (document) => {
  const quotes = [...read(document).matchAll(quotePattern)].map(([, path, code]) => ({
    path: path ?? '',
    code: code ?? '',
  }))

  it('exist', () => {
    expect(quotes.length).toBeGreaterThan(2)
  })

  it.each(quotes)('are verbatim in $path', ({ path, code }) => {
    expect(read(path)).toContain(code)
  })
})
