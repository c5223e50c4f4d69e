import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { User } from '../auth';
import type { PortalRoute } from '../routes/types';
import { crumbsFor, PRODUCT_FRAME, SiteFooter, type PortalFrame } from './Shell';

const ROUTES: PortalRoute[] = [
  { path: '/', element: null, menu: 'Beranda' },
  { path: '/seleksi', element: null, menu: 'Seleksi dan hasil' },
  { path: '/seleksi/:id', element: null },
  { path: '/seleksi/:id/hasil', element: null },
  { path: '/kelola/seleksi', element: null, menu: 'Kelola seleksi', roles: ['PANSEL_SECRETARY'] },
  { path: '/kelola/seleksi/baru', element: null, menu: 'Buat seleksi', roles: ['PANSEL_SECRETARY'] },
  { path: '/kelola/seleksi/:id', element: null, roles: ['PANSEL_SECRETARY', 'PANSEL_MEMBER'] },
  { path: '/kelola/seleksi/:id/audit', element: null, roles: ['PANSEL_SECRETARY'] },
];
const user = (role: User['role']): User =>
  ({ id: 'u', email: 'u@x', displayName: 'U', role, agencyCode: 'KALTIM', candidateId: null }) as User;

describe('breadcrumbs', () => {
  it('name every ancestor page the user may open, then the page itself', () => {
    expect(crumbsFor('/seleksi/JPT-1/hasil', ROUTES, null).map((c) => [c.to, c.label])).toEqual([
      ['/', 'Beranda'],
      ['/seleksi', 'Seleksi dan hasil'],
      ['/seleksi/JPT-1', 'Rincian seleksi'],
      ['/seleksi/JPT-1/hasil', 'Hasil seleksi'],
    ]);
    expect(crumbsFor('/kelola/seleksi/JPT-1/audit', ROUTES, user('PANSEL_SECRETARY')).map((c) => c.label)).toEqual([
      'Beranda',
      'Kelola seleksi',
      'Dasbor seleksi',
      'Jejak audit',
    ]);
    // A Pansel member cannot open the secretariat's list: it is left out of the trail.
    expect(crumbsFor('/kelola/seleksi/JPT-1', ROUTES, user('PANSEL_MEMBER')).map((c) => c.label)).toEqual([
      'Beranda',
      'Dasbor seleksi',
    ]);
  });
});

describe('footer', () => {
  const frame: PortalFrame = {
    agencyCode: 'KALTIM',
    name: 'Pemerintah Provinsi Kalimantan Timur',
    address: 'Jalan Gajah Mada Nomor 2, Samarinda',
    phone: '(0541) 733333',
    email: null,
    website: 'kaltimprov.go.id',
    serviceHours: null,
    logoUrl: null,
  };

  it("shows the agency's address and helpdesk, with the product's hours when it set none", () => {
    const html = renderToStaticMarkup(createElement(SiteFooter, { frame }));
    expect(html).toContain('<address>Jalan Gajah Mada Nomor 2, Samarinda</address>');
    expect(html).toContain('href="tel:0541733333"');
    expect(html).not.toContain('mailto:');
    expect(html).toContain(`Jam layanan: ${PRODUCT_FRAME.serviceHours}`);
    expect(html).toContain('href="https://kaltimprov.go.id"');
  });

  it("without an agency shows the product's helpdesk", () => {
    const html = renderToStaticMarkup(createElement(SiteFooter, { frame: null }));
    expect(html).toContain(`mailto:${PRODUCT_FRAME.email}`);
    expect(html).toContain(PRODUCT_FRAME.address);
  });
});
