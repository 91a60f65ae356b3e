import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

/** Where webhooks may go: https only in production, and never to this machine or a private network. */
export type TargetPolicy = { allowHttp: boolean; allowPrivate: boolean }

export class TargetRefused extends Error {
  constructor(readonly reason: 'url' | 'scheme' | 'credentials' | 'private' | 'unresolvable') {
    super(`webhook target refused: ${reason}`)
  }
}

/**
 * Only public unicast addresses: not loopback, private (RFC 1918, unique local), link-local (the
 * cloud metadata service at 169.254.169.254), carrier-grade NAT, multicast or reserved. An IPv6
 * address that carries an IPv4 one is judged by the IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  return parsed.range() === 'unicast'
}

/** The URL's shape, on save: a real URL, https (http only outside production), no credentials in it. */
export function checkTargetUrl(value: string, policy: TargetPolicy): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TargetRefused('url')
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) throw new TargetRefused('scheme')
  if (url.username || url.password) throw new TargetRefused('credentials')
  return url
}

/** Resolves the host and refuses it unless every address it has is public (on save, and by each connection). */
export async function resolvePublicTarget(hostname: string, policy: TargetPolicy): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host)
  if (addresses.length === 0) throw new TargetRefused('unresolvable')
  if (!policy.allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) throw new TargetRefused('private')
  return addresses
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve) => dnsLookup(host, { all: true }, (error, addresses) => resolve(error ? [] : addresses)))
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for the HTTP client's connections: the address a delivery connects to is the one
 * checked here, at connection time — a name that resolved to a public address when the endpoint
 * was saved and to a private one now (DNS rebinding) is refused.
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolvePublicTarget(hostname, policy).then(
      (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: Error) => callback(Object.assign(error, { code: 'EWEBHOOKTARGET' }), '', 0),
    )
  }
}
