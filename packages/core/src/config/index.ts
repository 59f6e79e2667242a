export * from './load-connection-config.js'
