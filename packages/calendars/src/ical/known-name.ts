/** A name the reader knows, as the design set spells it (lowercase), with its design. */
export interface KnownName<Design> {
  name: string
  design: Design | undefined
}

/**
 * The language's names by a hash of their letters in either case (see {@link nameHash}), so the
 * reader finds a name's design set spelling (the lowercase string the converter then compares)
 * while it scans the line, without cutting the name out of the line and lowercasing it. A table
 * of the language's names, not a cache: it holds nothing read from input. `null` marks a hash
 * two names share (such names are looked up by their text).
 */
export function namesByHash<Design>(
  designs: ReadonlyMap<string, Design>,
  others: readonly string[] = [],
): Map<number, KnownName<Design> | null> {
  const names = new Map<number, KnownName<Design> | null>()
  for (const name of [...designs.keys(), ...others]) {
    let hash = 0
    for (let index = 0; index < name.length; index++) hash = nameHash(hash, name.charCodeAt(index))
    const known = names.get(hash)
    if (known === undefined) names.set(hash, { name, design: designs.get(name) })
    else if (known !== null && known.name !== name) names.set(hash, null)
  }
  return names
}

/**
 * The hash of a name so far, given its next character. Setting bit 5 lowercases an ASCII letter
 * and leaves digits and `-` as they are; what else it folds together the lookup tells apart.
 */
export function nameHash(hash: number, char: number): number {
  return (Math.imul(hash, 31) + (char | 0x20)) | 0
}

/**
 * The known name with this hash when `source` spells it between `from` and `to` in ASCII letters
 * of either case (what both spellings of RFC 5545 and the lowercase of jCal are), else
 * `undefined`: the name is then lowercased as text, as `toLowerCase` reads other letters.
 */
export function knownNameAt<Design>(
  names: ReadonlyMap<number, KnownName<Design> | null>,
  hash: number,
  source: string,
  from: number,
  to: number,
): KnownName<Design> | undefined {
  const known = names.get(hash)
  if (known == null || known.name.length !== to - from) return undefined
  const name = known.name
  for (let index = from; index < to; index++) {
    const char = source.charCodeAt(index)
    const lower = char >= 65 && char <= 90 ? char | 0x20 : char
    if (lower !== name.charCodeAt(index - from)) return undefined
  }
  return known
}
