import * as v from 'valibot'
import { issuePath } from '../connection/issue-path.js'
import type { Session } from './session.js'
import { sessionProblem } from './session-problem.js'

/**
 * The valibot schema of the session resource: the checks the client makes on
 * every session it fetches (`sessionProblem`), for an app that reads a session
 * itself. The issue message names the path (`session.apiUrl: expected a
 * string, got undefined`); extra members and unknown capabilities are kept.
 *
 * @see RFC 8620 §2
 * @example v.parse(sessionSchema, await response.json())
 */
export const sessionSchema: v.GenericSchema<unknown, Session> = v.custom<Session>(
  (input) => sessionProblem(input) === undefined,
  (issue) => {
    const problem = sessionProblem(issue.input)
    return problem === undefined
      ? 'invalid session'
      : `${issuePath(problem.path, 'session')}: ${problem.message}`
  },
)
