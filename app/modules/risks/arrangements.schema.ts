import { z } from 'zod'
import { centsToFormValue, parseEuroCents } from '~/lib/money'
import { coachProviders, languageSupports, payers, paymentMoments, travelModes, trialKinds } from './arrangements'

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'errors.invalidChoice' }).nullable().default(null)
const amount = z.int({ message: 'errors.wholeNumber' }).min(0, 'errors.amountNegative').max(100_000, 'errors.numberRange').nullable().default(null)
const count = (min: number, max: number) => z.int({ message: 'errors.wholeNumber' }).min(min, 'errors.numberRange').max(max, 'errors.numberRange').nullable().default(null)

/** Arrangements as the API takes them (and the form, after turning its strings into values). */
export const arrangementsSchema = z
  .object({
    travelMode: choice(travelModes),
    travelPayer: choice(payers),
    travelAmountCents: amount,
    travelAmountUnit: choice(['per_day', 'per_km'] as const),
    travelPaid: choice(paymentMoments),
    travelPaidDaysAfter: count(0, 90),
    travelDistanceKm: count(0, 300),
    travelFareCentsPerDay: amount,
    coachProvider: choice(coachProviders),
    coachHoursPerWeek: z.int({ message: 'errors.wholeNumber' }).min(1, 'errors.coachHours').max(40, 'errors.coachHours').nullable().default(null),
    coachWeeks: count(1, 104),
    coachContact: z.string().trim().max(200, 'errors.tooLong').nullable().default(null),
    languageSupport: choice(languageSupports),
    languagePayer: choice(payers),
    trialKind: choice(trialKinds),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.coachProvider && a.coachHoursPerWeek === null) ctx.addIssue({ code: 'custom', path: ['coachHoursPerWeek'], message: 'errors.coachHours' })
    if (a.travelAmountCents !== null && !a.travelAmountUnit) ctx.addIssue({ code: 'custom', path: ['travelAmountUnit'], message: 'errors.required' })
  })
export type ArrangementsInput = z.output<typeof arrangementsSchema>

const numberFields = ['travelPaidDaysAfter', 'travelDistanceKm', 'coachHoursPerWeek', 'coachWeeks'] as const
const moneyFields = ['travelAmountCents', 'travelFareCentsPerDay'] as const

/** The fields that hold cents and are typed (and shown) as euros. */
export function isMoneyField(key: string): key is (typeof moneyFields)[number] {
  return (moneyFields as readonly string[]).includes(key)
}

/** Stored arrangements → the strings the form shows; arrangementsFromForm reads them back unchanged. */
export function arrangementsToForm(current: Record<string, unknown> | null): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(current ?? {})) {
    if (value === null || value === undefined) continue
    values[key] = isMoneyField(key) ? centsToFormValue(Number(value)) : String(value)
  }
  return values
}

/** Form strings → the schema's input: empty is null, euros become cents, text stays for errors. */
export function arrangementsFromForm(values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const key of Object.keys(arrangementsSchema.shape) as (keyof typeof arrangementsSchema.shape)[]) {
    const raw = (values[key] ?? '').trim()
    if (raw === '') input[key] = null
    else if ((numberFields as readonly string[]).includes(key)) input[key] = /^-?\d+$/.test(raw) ? Number(raw) : raw
    else if (isMoneyField(key)) input[key] = parseEuroCents(raw) ?? raw
    else input[key] = raw
  }
  return input
}
