import { describe, expect, it } from 'vitest';
import { DEFAULT_IP_ASN_SETTINGS } from '@seleksi/domain';
import { gatewayConfigSchema } from './config';

const base = { AUTH_SECRET: 'x'.repeat(32) };

describe('IP_ASN_SETTINGS', () => {
  it('defaults to the domain defaults', () => {
    expect(gatewayConfigSchema.parse(base).IP_ASN_SETTINGS).toEqual(DEFAULT_IP_ASN_SETTINGS);
  });

  it('takes validated JSON', () => {
    const custom = {
      ...DEFAULT_IP_ASN_SETTINGS,
      version: 'instansi-2026',
      weights: { QUALIFICATION: 25, COMPETENCY: 35, PERFORMANCE: 35, DISCIPLINE: 5 },
    };
    const parsed = gatewayConfigSchema.parse({ ...base, IP_ASN_SETTINGS: JSON.stringify(custom) });
    expect(parsed.IP_ASN_SETTINGS).toEqual(custom);
  });

  it.each([
    ['not JSON', '{weights', 'not JSON'],
    [
      'weights not summing to 100',
      JSON.stringify({ ...DEFAULT_IP_ASN_SETTINGS, weights: { ...DEFAULT_IP_ASN_SETTINGS.weights, DISCIPLINE: 50 } }),
      'IP_ASN_SETTINGS.weights',
    ],
  ])('refuses %s at start', (_label, value, message) => {
    expect(() => gatewayConfigSchema.parse({ ...base, IP_ASN_SETTINGS: value })).toThrow(message);
  });
});
