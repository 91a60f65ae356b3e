// The JavaScript a browser loads for each page, gzipped: the entry, the root and every route
// module of the page's chain with everything they import, read from the build's Remix manifest.
// Prints the table; exits 1 when a page is over the budget. Run after `npm run build`.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 100)
const client = path.resolve('build/client')
const manifestFile = readdirSync(path.join(client, 'assets')).find((f) => /^manifest-.*\.js$/.test(f))
if (!manifestFile) {
  console.error('No build/client/assets/manifest-*.js: run npm run build first.')
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(path.join(client, 'assets', manifestFile), 'utf8').replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, ''))
const sizes = new Map()
const gz = (url) => {
  if (!sizes.has(url)) sizes.set(url, gzipSync(readFileSync(path.join(client, url)), { level: 9 }).length)
  return sizes.get(url)
}
const chainOf = (id) => {
  const chain = []
  for (let route = manifest.routes[id]; route; route = manifest.routes[route.parentId]) chain.unshift(route)
  return chain
}
// Pages whose route says `handle.hydrate: false` (the public pages) are sent without scripts.
const server = await import(pathToFileURL(path.resolve('build/server/index.js')).href)
const withoutScripts = (id) => chainOf(id).some((r) => server.routes[r.id]?.module?.handle?.hydrate === false)
const rows = []
for (const [id, route] of Object.entries(manifest.routes)) {
  // Resource routes (API, PDFs, webhooks) render no page and load no script.
  if (id === "root" || readFileSync(path.join(client, route.module)).length < 50) continue
  if (withoutScripts(id)) {
    rows.push({ route: id.replace(/^routes\//, ''), kb: 0 })
    continue
  }
  const files = new Set([manifest.url, manifest.entry.module, ...manifest.entry.imports])
  for (const r of chainOf(id)) for (const file of [r.module, ...(r.imports ?? [])]) files.add(file)
  const bytes = [...files].reduce((sum, file) => sum + gz(file), 0)
  rows.push({ route: id.replace(/^routes\//, ''), kb: bytes / 1024 })
}
rows.sort((a, b) => b.kb - a.kb)
const over = rows.filter((r) => r.kb > BUDGET_KB)
console.log(`JavaScript per page, gzipped (budget ${BUDGET_KB} KB):`)
for (const r of rows) console.log(`  ${r.kb.toFixed(1).padStart(6)} KB  ${r.kb > BUDGET_KB ? 'OVER ' : '     '}${r.route}`)
if (over.length > 0) {
  console.error(`${over.length} page(s) over the ${BUDGET_KB} KB budget.`)
  process.exit(1)
}
