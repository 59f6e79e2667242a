// Baseline: the client of the scenarios and no calls. Its cost is subtracted
// so the ratios compare the calls, not the size of each library.
import { jmap } from './client.js'

export const client: unknown = jmap
