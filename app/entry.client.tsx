import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import type { Catalogue } from './lib/i18n/catalogue'
import { MessagesProvider } from './lib/i18n/messages'

// The page arrives rendered and works without JavaScript. Before it hydrates, the browser fetches
// the reader's messages (a versioned file it caches for good); if that fails, the page simply
// stays as the server rendered it rather than hydrating with missing words.
async function hydrate() {
  const url = document.querySelector('meta[name="werkbrug-messages"]')?.getAttribute('content')
  if (!url) return
  const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null)
  if (!response?.ok) return
  const messages = (await response.json()) as Catalogue
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <MessagesProvider value={messages}>
          <RemixBrowser />
        </MessagesProvider>
      </StrictMode>,
    )
  })
}

void hydrate()
