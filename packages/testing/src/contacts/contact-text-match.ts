/**
 * Splits a ContactCard/query text condition into what must be found: phrases in single or
 * double quotes (with `\"`, `\'` and `\\` escapes) stay whole, other text splits on whitespace.
 *
 * @see RFC 9610 §3.3.1
 * @example searchTerms('"van Gogh" vincent') // ['van gogh', 'vincent']
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = []
  let index = 0
  while (index < query.length) {
    const char = query[index] as string
    if (/\s/.test(char)) {
      index += 1
      continue
    }
    if (char === '"' || char === "'") {
      let phrase = ''
      index += 1
      while (index < query.length && query[index] !== char) {
        if (query[index] === '\\' && index + 1 < query.length) index += 1
        phrase += query[index]
        index += 1
      }
      index += 1
      if (phrase.trim() !== '') terms.push(phrase.toLowerCase())
      continue
    }
    let token = ''
    while (index < query.length && !/\s/.test(query[index] as string)) {
      token += query[index]
      index += 1
    }
    terms.push(token.toLowerCase())
  }
  return terms
}

/**
 * Whether every term of a text condition occurs (case-insensitively) in one of the values; RFC
 * 9610 leaves stemming and word boundaries to the server, this one matches substrings.
 *
 * @see RFC 9610 §3.3.1
 * @example matchesText(['Joe Bloggs'], 'bloggs joe') // true
 */
export function matchesText(values: readonly string[], query: string): boolean {
  const folded = values.map((value) => value.toLowerCase())
  return searchTerms(query).every((term) => folded.some((value) => value.includes(term)))
}
