import type { LoaderFunctionArgs } from '@remix-run/node'
import { catalogueOf, catalogueVersion, isLocale } from '~/lib/i18n'

/**
 * The messages of one language for the browser (entry.client.tsx). With the current version in
 * the query the file never changes, so it is cached for a year; the server renders pages with the
 * same catalogue.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = params.locale
  if (!isLocale(locale)) throw new Response('Not found', { status: 404 })
  const current = new URL(request.url).searchParams.get('v') === catalogueVersion(locale)
  return new Response(JSON.stringify(catalogueOf(locale)), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}
