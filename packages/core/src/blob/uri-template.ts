// RFC 6570 level 1 (simple string expansion) keeps only unreserved characters;
// encodeURIComponent also keeps !'()*, which a template expansion must encode.
function encodeUnreserved(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * Expands a level-1 URI template: each `{name}` becomes the percent-encoded
 * value (everything but unreserved characters is encoded, `/` included).
 * Throws when the template names a variable that has no value.
 *
 * @see RFC 6570 §3.2.2
 * @see RFC 8620 §6.2
 * @example expandUriTemplate('/dl/{accountId}/{blobId}/{name}?accept={type}', { accountId: 'a', blobId: 'B1', name: 'r (1).pdf', type: 'application/pdf' })
 * // "/dl/a/B1/r%20%281%29.pdf?accept=application%2Fpdf"
 */
export function expandUriTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new TypeError(`no value for {${name}} in ${template}`)
    return encodeUnreserved(value)
  })
}
