export type { AuthOptions } from './auth-options.js'
