import type { nl } from './nl'

export type MessageKey = keyof typeof nl
export type Catalogue = Record<MessageKey, string>
