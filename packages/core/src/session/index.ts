export * from './account-for.js'
export * from './session.js'
export * from './session-schema.js'
