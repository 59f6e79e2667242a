export * from './account-for.js'
export * from './session.js'
