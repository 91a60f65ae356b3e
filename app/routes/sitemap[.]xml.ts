import type { LoaderFunctionArgs } from '@remix-run/node'

// The public pages, for search engines; everything else needs an account or is one person's.
const PUBLIC_PAGES = ['/', '/scan', '/register', '/login']

export async function loader({ context }: LoaderFunctionArgs) {
  const urls = PUBLIC_PAGES.map((path) => `  <url><loc>${new URL(path, context.env.APP_URL).toString()}</loc></url>`).join('\n')
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
