// TypeDoc plugin: the notExported check across every package of the monorepo.
//
// typedoc.json converts all packages in one program (entryPointStrategy "resolve"), several
// times faster than one program per package. TypeDoc's own notExported check then treats any
// type from a package other than the root's (typed-jmap-monorepo) as intentionally missing, so it
// would pass silently; this plugin repeats the check for the @typed-jmap/* packages: a type a
// documented signature names must be exported (and so documented), or be listed in the option
// this plugin adds, packageTypesNotExported, as "<path in packages/>:<name>" (not in TypeDoc's
// intentionallyNotExported, which would report every entry as unused for the same reason).
import { Application, Models, ParameterType } from 'typedoc'

const ourPackages = /^@typed-jmap\//

/** @param {Application} app */
export function load(app) {
  app.options.addDeclaration({
    name: 'packageTypesNotExported',
    help: 'Types of the @typed-jmap packages that public signatures name but that are not exported, on purpose ("core/src/file.ts:Name").',
    type: ParameterType.Array,
    defaultValue: [],
  })
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    if (!app.options.getValue('validation').notExported) return
    const intentional = app.options.getValue('packageTypesNotExported')
    const used = new Set()
    const warned = new Set()
    for (const owner of Object.values(project.reflections)) {
      const visitor = Models.makeRecursiveVisitor({
        reference(type) {
          const symbolId = type.symbolId
          if (type.reflection || type.externalUrl || type.isIntentionallyBroken()) return
          if (symbolId === undefined || !ourPackages.test(symbolId.packageName)) return
          const where = `${symbolId.packageName}/${symbolId.packagePath}`
          const listed = intentional.find((entry) => {
            const colon = entry.lastIndexOf(':')
            return (
              entry.slice(colon + 1) === type.qualifiedName && where.endsWith(entry.slice(0, colon))
            )
          })
          if (listed !== undefined) {
            used.add(listed)
            return
          }
          const key = symbolId.getStableKey()
          if (warned.has(key)) return
          warned.add(key)
          app.logger.validationWarning(
            `${type.qualifiedName}, defined in ${where}, is referenced by ${owner.getFriendlyFullName()} but not included in the documentation`,
          )
        },
      })
      for (const type of [owner.type, owner.default, owner.overwrites]) type?.visit(visitor)
      if (owner.kindOf(Models.ReflectionKind.TypeParameter)) owner.type?.visit(visitor)
    }
    const unused = intentional.filter((entry) => !used.has(entry))
    if (unused.length > 0)
      app.logger.validationWarning(
        `packageTypesNotExported lists names no longer referenced: ${unused.join(', ')}`,
      )
  })
}
