import { describe, expect, it } from 'vitest';
import {
  ALL_INVITABLE,
  grantableRoles,
  memberFromAccount,
  oidcReturnError,
  roleNeedsAgency,
  tokenFromFragment,
} from './accounts';

describe('grantableRoles', () => {
  it('gives the national administrator every invitable role and an agency administrator its staff roles', () => {
    expect(grantableRoles('ADMIN')).toEqual(ALL_INVITABLE);
    expect(grantableRoles('AGENCY_ADMIN')).toEqual(['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'PPK']);
    expect(grantableRoles('PANSEL_SECRETARY')).toEqual([]);
    expect(grantableRoles(null)).toEqual([]);
  });

  it('asks for an agency only for agency roles', () => {
    expect(roleNeedsAgency('PPK')).toBe(true);
    expect(roleNeedsAgency('AGENCY_ADMIN')).toBe(true);
    expect(roleNeedsAgency('OVERSEER')).toBe(false);
    expect(roleNeedsAgency('ADMIN')).toBe(false);
  });
});

describe('tokenFromFragment', () => {
  it('reads a link token from the fragment and refuses anything that cannot be one', () => {
    const token = 'aB3_-'.repeat(9);
    expect(tokenFromFragment(`#${token}`)).toBe(token);
    expect(tokenFromFragment(token)).toBe(token);
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#')).toBeNull();
    expect(tokenFromFragment('#pendek')).toBeNull();
    expect(tokenFromFragment(`#${token}?x=<script>`)).toBeNull();
  });
});

describe('oidcReturnError', () => {
  it('explains a refusal or an incomplete return, and lets a complete one through', () => {
    expect(oidcReturnError('?error=access_denied&state=s')).toMatch(/dibatalkan/);
    expect(oidcReturnError('?error=server_error')).toMatch(/menolak/);
    expect(oidcReturnError('?code=c')).toMatch(/tidak lengkap/);
    expect(oidcReturnError('?code=c&state=s')).toBeNull();
  });
});

describe('memberFromAccount', () => {
  it('fills an external member from the affiliation and an internal one from the agency', () => {
    expect(
      memberFromAccount(
        { id: 'u1', displayName: 'Prof. A', agencyCode: 'KALTIM', affiliation: 'Universitas Mulawarman' },
        'KALTIM',
        'Pemerintah Provinsi Kalimantan Timur',
      ),
    ).toEqual({ userId: 'u1', name: 'Prof. A', institution: 'Universitas Mulawarman', internal: false });
    expect(
      memberFromAccount(
        { id: 'u2', displayName: 'Ir. B', agencyCode: 'KALTIM', affiliation: null },
        'KALTIM',
        'Pemerintah Provinsi Kalimantan Timur',
      ),
    ).toEqual({ userId: 'u2', name: 'Ir. B', institution: 'Pemerintah Provinsi Kalimantan Timur', internal: true });
    expect(
      memberFromAccount({ id: 'u3', displayName: 'Dr. C', agencyCode: null, affiliation: null }, 'KALTIM', null),
    ).toEqual({ userId: 'u3', name: 'Dr. C', institution: '', internal: false });
  });
});
