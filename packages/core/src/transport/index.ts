export * from './parse-json.js'
export * from './retry-options.js'
export * from './retry-safety.js'
