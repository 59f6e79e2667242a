/** The `require` names the test server accepts. */
export const supportedSieveExtensions: readonly string[] = [
  'fileinto',
  'reject',
  'envelope',
  'vacation',
  'imap4flags',
  'copy',
  'body',
  'variables',
  'relational',
  'subaddress',
  'mailbox',
]

const commands = new Set([
  'require',
  'if',
  'elsif',
  'else',
  'stop',
  'keep',
  'discard',
  'fileinto',
  'redirect',
  'reject',
  'vacation',
  'setflag',
  'addflag',
  'removeflag',
  'set',
])

/**
 * A minimal Sieve check (RFC 5228 §8 lexically, not the full grammar):
 * strings, `text:` blocks and comments are skipped, braces must balance,
 * every statement must start with a known command, and `require` may only
 * name {@link supportedSieveExtensions}. Returns what is wrong, with the
 * line, or `undefined`. Tests and arguments of commands are not checked.
 *
 * @see RFC 5228 §2, §8
 * @example checkSieveSyntax('if true { bogus; }') // 'line 1: unknown command "bogus"'
 */
export function checkSieveSyntax(script: string): string | undefined {
  let line = 1
  let depth = 0
  let statementStart = true
  let index = 0
  const required: string[] = []
  let inRequire = false
  while (index < script.length) {
    const char = script[index] as string
    if (char === '\n') line += 1
    if (char === '#') {
      index = script.indexOf('\n', index)
      if (index < 0) break
      continue
    }
    if (script.startsWith('/*', index)) {
      const end = script.indexOf('*/', index + 2)
      if (end < 0) return `line ${line}: unterminated comment`
      line += script.slice(index, end).split('\n').length - 1
      index = end + 2
      continue
    }
    if (char === '"') {
      let end = index + 1
      while (end < script.length && script[end] !== '"') end += script[end] === '\\' ? 2 : 1
      if (end >= script.length) return `line ${line}: unterminated string`
      const value = script.slice(index + 1, end)
      if (inRequire) required.push(value)
      line += value.split('\n').length - 1
      index = end + 1
      continue
    }
    if (script.startsWith('text:', index)) {
      const end =
        script.indexOf('\n.\r\n', index) >= 0
          ? script.indexOf('\n.\r\n', index)
          : script.indexOf('\n.\n', index)
      if (end < 0) return `line ${line}: unterminated text: block`
      line += script.slice(index, end + 1).split('\n').length - 1
      index = script.indexOf('\n', end + 1) + 1
      continue
    }
    if (/[A-Za-z_]/.test(char) && statementStart) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(index))?.[0] ?? ''
      if (!commands.has(word)) return `line ${line}: unknown command ${JSON.stringify(word)}`
      inRequire = word === 'require'
      statementStart = false
      index += word.length
      continue
    }
    if (char === ';') {
      statementStart = true
      inRequire = false
    } else if (char === '{') {
      depth += 1
      statementStart = true
    } else if (char === '}') {
      depth -= 1
      if (depth < 0) return `line ${line}: unbalanced "}"`
      statementStart = true
    } else if (!/\s/.test(char)) statementStart = false
    index += 1
  }
  if (depth !== 0) return `line ${line}: missing "}"`
  if (!statementStart) return `line ${line}: missing ";" at the end`
  const unknown = required.find((name) => !supportedSieveExtensions.includes(name))
  return unknown === undefined
    ? undefined
    : `require: unsupported extension ${JSON.stringify(unknown)}`
}
