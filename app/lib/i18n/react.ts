import { useRouteLoaderData } from '@remix-run/react'
import { fallbackMessages } from './fallback'
import { fill } from './format'
import type { Locale, Translate } from './index'
import { useMessages } from './messages'

type RootData = { locale: Locale }

const defaultLocale: Locale = 'nl'

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>('root')?.locale ?? defaultLocale
}

export function useT(): Translate {
  const locale = useLocale()
  // Without messages (the catalogue could not be had) the error page still reads in Dutch.
  const messages = useMessages() ?? fallbackMessages
  return (key, params) => fill(locale, messages[key] ?? key, params)
}
