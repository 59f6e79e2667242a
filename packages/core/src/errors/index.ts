// The error classes of the request path declare their fields (`declare
// readonly`) and set them in the constructor: a field declared without
// `declare` is also emitted as a class field, bytes every app bundle carries.
export * from './authentication-error.js'
export * from './config-error.js'
export * from './content-line-parse-error.js'
export * from './http-status-error.js'
export * from './invalid-request-error.js'
export * from './limit-error.js'
export * from './redirect-refused-error.js'
export * from './request-problem-error.js'
export * from './response-validation-error.js'
export * from './session-error.js'
export * from './set-operation-error.js'
export * from './throw-first-set-error.js'
export * from './transport-error.js'
