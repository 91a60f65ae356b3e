// The lists the admin page offers, without the schemas (zod): the browser gets these, not the validator.
export const policyKinds = ['condition', 'step', 'document', 'lead_time', 'risk', 'minimum_wage', 'parameter', 'aftercare', 'retention', 'calendar'] as const
export type PolicyKind = (typeof policyKinds)[number]
export const policyStatuses = ['in_force', 'announced', 'struck_down'] as const
export const sourceKinds = ['official', 'report', 'secondary', 'press', 'assumption'] as const
