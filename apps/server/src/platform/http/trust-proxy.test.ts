import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, 192.168.1.10', ['10.0.0.0/8', '192.168.1.10']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
    ['0.0.0.0/0', ['0.0.0.0/0']],
  ])('%j → %j', (value, entries) => {
    expect(parseTrustProxy(value)).toEqual({ ok: true, entries });
  });

  it.each([
    ['true', ['true']],
    ['*', ['*']],
    ['10.0.0.0/33', ['10.0.0.0/33']],
    ['::1/129', ['::1/129']],
    ['10.0.0.1/8/2', ['10.0.0.1/8/2']],
    ['10.0.0.0/x', ['10.0.0.0/x']],
    ['proxy.local, 127.0.0.1', ['proxy.local']],
    ['256.1.1.1', ['256.1.1.1']],
  ])('refuses %j', (value, invalid) => {
    expect(parseTrustProxy(value)).toEqual({ ok: false, invalid });
  });
});

describe('GUANJIA_TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
  });
  it('reads a list of addresses and CIDRs', () => {
    expect(loadConfig({ GUANJIA_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
  });
  it('refuses to start on an entry that is not an address', () => {
    expect(() => loadConfig({ GUANJIA_TRUST_PROXY: 'true' })).toThrow(/GUANJIA_TRUST_PROXY/);
  });
});
