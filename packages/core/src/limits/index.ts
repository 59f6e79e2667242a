export * from './chunk-objects.js'
export * from './get-in-chunks.js'
export * from './set-in-chunks.js'
export * from './split-method-calls.js'
