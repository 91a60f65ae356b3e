/**
 * A search box's text as a PostgreSQL tsquery: every word must match, each as a prefix (people
 * type "heftr" for heftruckchauffeur). Only letters and digits pass: quotes, operators and
 * punctuation cannot reach to_tsquery, so no input makes the query fail. Null when nothing is left.
 */
export function prefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(' & ')
}
