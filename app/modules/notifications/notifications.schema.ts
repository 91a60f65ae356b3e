import { z } from 'zod'
import { deliveries, notificationKinds, type NotificationKind } from './kinds'

/** The settings form: one choice per kind; kinds a role does not receive are simply absent. */
export const preferencesSchema = z.object(
  Object.fromEntries(notificationKinds.map((kind) => [kind, z.enum(deliveries, { message: 'errors.invalidChoice' }).optional()])) as Record<NotificationKind, z.ZodOptional<z.ZodEnum<{ immediate: 'immediate'; daily_digest: 'daily_digest' }>>>,
)
