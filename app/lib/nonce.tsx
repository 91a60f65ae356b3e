import { createContext, useContext } from 'react'

// The server renders with this response's CSP nonce; in the browser it is empty (browsers hide
// nonce attributes from scripts), which is all hydration needs.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
