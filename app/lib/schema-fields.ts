import { z } from 'zod'
import { isIsoDate } from './dates'

/** A calendar date field (YYYY-MM-DD, a real date between 1900 and 2999): one rule for every schema. */
export const calendarDate = () => z.iso.date({ message: 'errors.dateInvalid' }).refine(isIsoDate, 'errors.dateInvalid')
