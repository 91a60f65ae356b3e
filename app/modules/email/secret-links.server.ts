/**
 * Secret links in queued emails. A template is rendered with a placeholder where the link goes;
 * the link itself waits in its own column until the email is delivered, then it is gone.
 */
const PLACEHOLDER = /https:\/\/secret-link\.invalid\/(\d+)\//g

export function secretLinkPlaceholder(index: number): string {
  return `https://secret-link.invalid/${index}/`
}

/** The email as it goes out: each placeholder replaced by its link. */
export function revealSecretLinks(content: string, links: string[] | null, format: 'html' | 'text'): string {
  if (!links || links.length === 0) return content
  return content.replace(PLACEHOLDER, (placeholder, index: string) => {
    const link = links[Number(index)]
    if (link === undefined) return placeholder
    return format === 'html' ? escapeHtml(link) : link
  })
}

/** The email as a stored copy may show it: where a link was, a note saying it was removed. */
export function hideSecretLinks(content: string, note: string): string {
  return content.replace(PLACEHOLDER, note)
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
