// The client every typed-jmap scenario uses: core, mail, calendars and tasks,
// so each scenario pays the same import cost as the baseline.

import { calendars } from '@typed-jmap/calendars'
import { createClient } from '@typed-jmap/core'
import { mail, submission } from '@typed-jmap/mail'
import { tasks } from '@typed-jmap/tasks'

const capabilities = [mail, submission, calendars, tasks] as const

export const jmap = createClient({ sessionUrl: 'https://jmap.example/session', capabilities })
