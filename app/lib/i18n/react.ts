import { useRouteLoaderData } from '@remix-run/react'
import type { Catalogue } from './catalogue'
import { fallbackMessages } from './fallback'
import { fill } from './format'
import type { Locale, Translate } from './index'

// The browser gets the messages of the reader's language from the root loader, never both
// catalogues in its JavaScript (the JS budget, issue 15).
type RootData = { locale: Locale; messages: Catalogue }

const defaultLocale: Locale = 'nl'

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>('root')?.locale ?? defaultLocale
}

export function useT(): Translate {
  const data = useRouteLoaderData<RootData>('root')
  const locale = data?.locale ?? defaultLocale
  const messages: Partial<Catalogue> = data?.messages ?? fallbackMessages
  // Without root data (the root loader failed) the error page still reads in Dutch.
  return (key, params) => fill(locale, messages[key] ?? key, params)
}
