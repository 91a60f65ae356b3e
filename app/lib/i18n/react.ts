import { useRouteLoaderData } from '@remix-run/react'
import { defaultLocale, translator, type Locale, type Translate } from './index'

type RootData = { locale: Locale }

export function useLocale(): Locale {
  return useRouteLoaderData<RootData>('root')?.locale ?? defaultLocale
}

export function useT(): Translate {
  return translator(useLocale())
}
