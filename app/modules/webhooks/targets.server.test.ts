import { describe, expect, it } from 'vitest'
import { checkTargetUrl, isPublicAddress, resolvePublicTarget, TargetRefused } from './targets.server'

const production = { allowHttp: false, allowPrivate: false }

describe('webhook targets', () => {
  it.each([
    ['93.184.215.14', true],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:93.184.215.14', true],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })

  it.each([
    ['http://93.184.215.14/hook', 'scheme'],
    ['ftp://93.184.215.14/hook', 'scheme'],
    ['https://user:secret@93.184.215.14/hook', 'credentials'],
    ['not a url', 'url'],
  ])('refuses %s on save (%s)', (url, reason) => {
    expect(() => checkTargetUrl(url, production)).toThrow(expect.objectContaining({ reason }))
  })

  it('allows http outside production', () => {
    expect(checkTargetUrl('http://93.184.215.14/hook', { allowHttp: true, allowPrivate: false }).hostname).toBe('93.184.215.14')
  })

  it('judges a name by what it resolves to: localhost is this machine', async () => {
    await expect(resolvePublicTarget('localhost', production)).rejects.toBeInstanceOf(TargetRefused)
    await expect(resolvePublicTarget('[::1]', production)).rejects.toMatchObject({ reason: 'private' })
    await expect(resolvePublicTarget('127.0.0.1', { allowHttp: true, allowPrivate: true })).resolves.toEqual([{ address: '127.0.0.1', family: 4 }])
  })
})
