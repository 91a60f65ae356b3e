import { createContext, useContext } from 'react'
import type { Catalogue } from './catalogue'

// The messages of the reader's language. The server renders with its catalogue; the browser
// fetches the same catalogue as a cached file before it hydrates (entry.client.tsx), so neither
// language is part of the JavaScript and no page carries the whole catalogue in its HTML.
const MessagesContext = createContext<Partial<Catalogue> | null>(null)

export const MessagesProvider = MessagesContext.Provider

export function useMessages(): Partial<Catalogue> | null {
  return useContext(MessagesContext)
}
