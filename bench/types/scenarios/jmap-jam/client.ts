// The client every jmap-jam scenario uses.
import { JamClient } from 'jmap-jam'

export const jam: JamClient = new JamClient({
  bearerToken: 'token',
  sessionUrl: 'https://jmap.example/session',
})
