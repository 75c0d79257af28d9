import { describe, expect, it } from 'vitest';
import { createOutboundGuard } from './outbound-guard.js';

const DEFAULT_DENY = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254', '100.100.100.200', 'metadata.google.internal', 'metadata'];

describe('outbound guard', () => {
  const names: Record<string, string[]> = { 'sneaky.example.test': ['169.254.169.254'], 'hooks.example.test': ['203.0.113.7'] };
  const guard = createOutboundGuard({ denyHosts: DEFAULT_DENY, setting: 'INTEGRATIONS_DENY_HOSTS', lookup: async (host) => names[host] ?? [] });

  it('refuses link-local and metadata addresses, by address, by name and through what a name resolves to', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/x',
      'http://[::ffff:169.254.169.254]/x',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA./x',
      'http://100.100.100.200/',
      'https://sneaky.example.test/hook',
    ]) {
      expect(await guard.refusal(url), url).toMatch(/not allowed/);
    }
  });

  it('allows ordinary and loopback receivers, and refuses what is not http(s)', async () => {
    expect(await guard.refusal('https://hooks.example.test/catch/1')).toBeUndefined();
    expect(await guard.refusal('http://127.0.0.1:4100/hook')).toBeUndefined();
    expect(await guard.refusal('file:///etc/passwd')).toMatch(/http/);
    expect(await guard.refusal('not a url')).toMatch(/not a URL/);
  });

  it('names the setting when a range is malformed', () => {
    expect(() => createOutboundGuard({ denyHosts: ['10.0.0.0/99'], setting: 'INTEGRATIONS_DENY_HOSTS' })).toThrow(/INTEGRATIONS_DENY_HOSTS/);
  });
});
