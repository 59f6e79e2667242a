export * from './connection.js'
export * from './response-envelope.js'
export * from './validate-method-response.js'
