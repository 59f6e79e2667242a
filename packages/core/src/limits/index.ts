export * from './chunk-objects.js'
export * from './split-method-calls.js'
