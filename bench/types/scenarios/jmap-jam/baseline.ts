// Baseline: the client of the scenarios and no calls.
import { jam } from './client.js'

export const client: unknown = jam
