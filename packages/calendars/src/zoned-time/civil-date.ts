/** A date of the proleptic Gregorian calendar: year, month (1–12) and day of the month. */
export interface CivilDate {
  year: number
  month: number
  day: number
}

/**
 * The date of a day counted from 1970-01-01, by arithmetic rather than through a Date (eras of
 * 400 years of 146,097 days, years starting in March so that the leap day ends one; Howard
 * Hinnant's civil_from_days): the recurrence engine asks it of every day it looks at, and
 * `formatWallClock` of every LocalDateTime it writes.
 *
 * @example civilDate(0) // { year: 1970, month: 1, day: 1 }
 */
export function civilDate(day: number): CivilDate {
  const shifted = day + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1,
  }
}

/**
 * The day (counted from 1970-01-01) of a date, the inverse of {@link civilDate}, by the same
 * arithmetic; months and days past their end carry over.
 *
 * @example dayNumber(1970, 13, 1) // 365 (1971-01-01)
 */
export function dayNumber(year: number, month: number, day: number): number {
  const carried = year + Math.floor((month - 1) / 12)
  const monthOfYear = month - 1 - 12 * Math.floor((month - 1) / 12)
  const y = monthOfYear < 2 ? carried - 1 : carried
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor(
    (153 * (monthOfYear < 2 ? monthOfYear + 10 : monthOfYear - 2) + 2) / 5,
  )
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra + day - 1 - 719_468
}
