/**
 * Alive: the process answers. It does not ask the database — a database outage must not make an
 * orchestrator restart healthy web processes (that is what /readyz is for).
 */
export async function loader() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
