import type { JCalProperty, Task as JSCalendarTask } from '@typed-jmap/calendars'

/**
 * A JSCalendar 2.0 Task that may carry RFC 8984's `progressUpdated`, which 2.0 dropped and the
 * draft keeps.
 *
 * @see RFC 8984 §5.2.6
 * @example { "@type": "Task", "uid": "t", "progress": "completed", "progressUpdated": "2023-03-11T12:00:00Z" }
 */
export interface ProgressedTask extends JSCalendarTask {
  progressUpdated?: string
}

/**
 * Moves a VTODO's COMPLETED (kept by the calendars converter in `iCalendar`, since JSCalendar
 * has no such property) into RFC 8984's `progressUpdated` when the task is completed: that is
 * when the progress last changed, which is what a JMAP Tasks client shows. A COMPLETED on a task
 * that is not completed stays in `iCalendar`.
 *
 * @see RFC 5545 §3.8.2.1, RFC 8984 §5.2.6
 * @example completedToProgressUpdated({ '@type': 'Task', uid: 't', progress: 'completed', iCalendar: { name: 'vtodo', properties: [['completed', {}, 'date-time', '2023-03-11T12:00:00Z']] } })
 * // → { '@type': 'Task', uid: 't', progress: 'completed', progressUpdated: '2023-03-11T12:00:00Z' }
 */
export function completedToProgressUpdated(task: ProgressedTask): ProgressedTask {
  const properties = task.iCalendar?.properties
  if (task.progress !== 'completed' || properties === undefined) return task
  if (task.progressUpdated !== undefined) return task
  const completed = properties.find(
    (property) => property[0] === 'completed' && Object.keys(property[1]).length === 0,
  )
  const value = completed?.[3]
  if (completed === undefined || typeof value !== 'string') return task
  const rest = properties.filter((property) => property !== completed)
  const { iCalendar, ...withoutICalendar } = task
  const output: ProgressedTask = { ...withoutICalendar, progressUpdated: value }
  // An iCalendar record left with nothing in it would only make the round trip differ.
  const keepsSomething =
    rest.length > 0 ||
    (iCalendar?.components?.length ?? 0) > 0 ||
    Object.keys(iCalendar?.convertedProperties ?? {}).length > 0
  if (iCalendar !== undefined && keepsSomething) {
    output.iCalendar =
      rest.length > 0 ? { ...iCalendar, properties: rest } : withoutProperties(iCalendar)
  }
  return output
}

/**
 * Writes a completed task's `progressUpdated` as the VTODO's COMPLETED (the inverse of
 * {@link completedToProgressUpdated}); any other `progressUpdated` is left for the converter.
 *
 * @see RFC 5545 §3.8.2.1, RFC 8984 §5.2.6
 * @example progressUpdatedToCompleted({ '@type': 'Task', uid: 't', progress: 'completed', progressUpdated: '2023-03-11T12:00:00Z' })
 * // → { '@type': 'Task', uid: 't', progress: 'completed', iCalendar: { '@type': 'ICalComponent', name: 'vtodo', properties: [['completed', {}, 'date-time', '2023-03-11T12:00:00Z']] } }
 */
export function progressUpdatedToCompleted(task: ProgressedTask): JSCalendarTask {
  const { progressUpdated, ...rest } = task
  if (task.progress !== 'completed' || typeof progressUpdated !== 'string') return task
  const completed: JCalProperty = ['completed', {}, 'date-time', progressUpdated]
  const iCalendar = rest.iCalendar ?? { '@type': 'ICalComponent' as const, name: 'vtodo' }
  return {
    ...rest,
    iCalendar: { ...iCalendar, properties: [...(iCalendar.properties ?? []), completed] },
  }
}

function withoutProperties<TComponent extends { properties?: unknown }>(
  component: TComponent,
): Omit<TComponent, 'properties'> {
  const { properties: _properties, ...rest } = component
  return rest
}
