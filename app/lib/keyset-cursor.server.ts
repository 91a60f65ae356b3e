/** Where a newest-first list stopped: the last row's creation time and id (keyset paging). */
export type KeysetCursor = { createdAt: Date; id: string }

/** An opaque cursor for the next page; clients hand it back as they got it. */
export function encodeCursor(row: KeysetCursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url')
}

/** The cursor's position, or null for anything that is not a cursor we made. */
export function decodeCursor(cursor: string): KeysetCursor | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
    const date = new Date(createdAt)
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) return null
    return { createdAt: date, id }
  } catch {
    return null
  }
}
