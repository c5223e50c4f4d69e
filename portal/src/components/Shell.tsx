/**
 * The portal's frame around every page: a header with the agency's name and logo and the role's menu
 * (collapsed behind a "Menu" button on phones), breadcrumbs on nested pages, and a footer with the
 * agency's address, helpdesk and service hours. The agency is the signed-in user's, else the agency of
 * the selection being viewed; without one the product's own name and helpdesk are shown.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, matchPath, useLocation, useNavigate } from 'react-router-dom';
import { useQuery } from '../api';
import { ROLE_NAMES, useAuth, type User } from '../auth';
import { PORTAL_FRAME } from '../queries/frame';
import { makeScrollRegionsFocusable } from './scroll-regions';
import type { PortalRoute } from '../routes/types';

export interface PortalFrame {
  agencyCode: string;
  name: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  serviceHours: string | null;
  logoUrl: string | null;
}

/** What the frame shows when no agency is known (public pages outside a selection). */
export const PRODUCT_FRAME = {
  name: 'Seleksi JPT',
  subtitle: 'Seleksi terbuka jabatan pimpinan tinggi',
  address: 'Layanan bantuan Seleksi JPT',
  phone: null as string | null,
  email: 'bantuan@seleksi-jpt.go.id',
  serviceHours: 'Senin–Jumat, 08.00–16.00',
};

/** The pages that open one record, named for the breadcrumb (menu pages are named by their menu label). */
const CRUMB_NAMES: Record<string, string> = {
  '/seleksi/:id': 'Rincian seleksi',
  '/seleksi/:id/hasil': 'Hasil seleksi',
  '/lowongan/:selectionId/:vacancyId': 'Formulir lamaran',
  '/lamaran-saya/:id': 'Rincian lamaran',
  '/kelola/instansi/:code': 'Rincian instansi',
  '/kelola/seleksi/:id': 'Dasbor seleksi',
  '/kelola/seleksi/:id/audit': 'Jejak audit',
  '/kelola/dokumen/:id/koreksi': 'Koreksi dokumen',
  '/kelola/talenta/pengisian/:fillingId': 'Rincian jalur talenta',
  '/masuk/sso': 'Masuk dengan SSO',
};

/** The selection a public page is about, for the frame's agency. */
function viewedSelectionId(pathname: string): string | null {
  for (const pattern of ['/seleksi/:id/*', '/seleksi/:id', '/lowongan/:id/*']) {
    const m = matchPath(pattern, pathname);
    if (m?.params.id) return m.params.id;
  }
  return null;
}

/** Loads the frame's agency; remounted (key) when another user signs in. */
function FrameQuery({ onFrame }: { onFrame: (frame: PortalFrame | null) => void }) {
  const { user } = useAuth();
  const { pathname } = useLocation();
  // Signed-in staff: their agency whatever the page; otherwise the viewed selection's (if any).
  const selectionId = user?.agencyCode ? null : viewedSelectionId(pathname);
  const { data } = useQuery<{ portalFrame: PortalFrame | null }>(PORTAL_FRAME, { s: selectionId });
  const frame = data?.portalFrame ?? null;
  useEffect(() => onFrame(frame), [frame, onFrame]);
  return null;
}

/** The neutral mark shown when the agency has uploaded no logo. */
function DefaultMark() {
  return (
    <svg className="brand-logo" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="38" height="38" rx="8" fill="#0b4f8a" />
      <path d="M10 28h20M13 26V16M20 26V16M27 26V16M9 15l11-6 11 6z" stroke="#fff" strokeWidth="2.4" fill="none" />
    </svg>
  );
}

function menuFor(routes: PortalRoute[], user: User | null): PortalRoute[] {
  return routes.filter((r) => r.menu && (!r.roles || (user && r.roles.includes(user.role))));
}

/** The role's menu: a row of links on wide screens, a disclosure behind a "Menu" button on phones. */
function MainMenu({ routes }: { routes: PortalRoute[] }) {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menu = menuFor(routes, user);

  // A followed link closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    // Opened: the first link takes the focus; Escape or a click outside closes it again.
    list.current?.querySelector('a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <nav aria-label="Menu utama" className="main-menu">
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="menu-icon" />
        Menu
      </button>
      <ul id={listId} ref={list} className={open ? 'open' : undefined}>
        {menu.map((r) => (
          <li key={r.path}>
            <NavLink to={r.path} end>
              {r.menu}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to="/verifikasi-dokumen">Verifikasi dokumen</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function SiteHeader({ routes, frame }: { routes: PortalRoute[]; frame: PortalFrame | null }) {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Langsung ke isi
      </a>
      <div className="brand">
        <Link to="/" className="brand-link">
          {frame?.logoUrl ? (
            <img className="brand-logo" src={frame.logoUrl} alt="" width="40" height="40" />
          ) : (
            <DefaultMark />
          )}
          <span className="brand-text">
            <span className="brand-agency">{frame?.name ?? PRODUCT_FRAME.name}</span>
            <span className="brand-product">{frame ? PRODUCT_FRAME.name : PRODUCT_FRAME.subtitle}</span>
          </span>
        </Link>
      </div>
      <MainMenu routes={routes} />
      <div className="session">
        {user ? (
          <>
            <span>
              {user.displayName} <span className="muted">({ROLE_NAMES[user.role]})</span>
            </span>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void signOut().then(() => navigate('/'))}
            >
              Keluar
            </button>
          </>
        ) : (
          <Link to="/masuk">Masuk</Link>
        )}
      </div>
    </header>
  );
}

export function SiteFooter({ frame }: { frame: PortalFrame | null }) {
  const name = frame?.name ?? PRODUCT_FRAME.name;
  const address = frame?.address || PRODUCT_FRAME.address;
  // An agency without its own helpdesk entries falls back to the product's.
  const phone = frame?.phone ?? PRODUCT_FRAME.phone;
  const email = frame?.email ?? (phone ? null : PRODUCT_FRAME.email);
  const hours = frame?.serviceHours ?? PRODUCT_FRAME.serviceHours;
  return (
    <footer className="site-footer">
      <div className="footer-block">
        <p className="footer-name">{name}</p>
        <address>{address}</address>
      </div>
      <div className="footer-block">
        <p className="footer-title">Layanan bantuan</p>
        <ul>
          {phone && (
            <li>
              Telepon: <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
            </li>
          )}
          {email && (
            <li>
              Surel: <a href={`mailto:${email}`}>{email}</a>
            </li>
          )}
          <li>Jam layanan: {hours}</li>
        </ul>
      </div>
      {frame?.website && (
        <div className="footer-block">
          <p className="footer-title">Laman instansi</p>
          <a href={/^https?:\/\//.test(frame.website) ? frame.website : `https://${frame.website}`}>{frame.website}</a>
        </div>
      )}
    </footer>
  );
}

interface Crumb {
  to: string;
  label: string;
}

/** Beranda, then every ancestor page the user may open, then this page. */
export function crumbsFor(pathname: string, routes: PortalRoute[], user: User | null): Crumb[] {
  const segments = pathname.split('/').filter(Boolean);
  const crumbs: Crumb[] = [{ to: '/', label: 'Beranda' }];
  for (let i = 1; i <= segments.length; i++) {
    const path = `/${segments.slice(0, i).join('/')}`;
    const route = routes.find((r) => matchPath({ path: r.path, end: true }, path));
    if (!route) continue;
    const label = route.menu ?? CRUMB_NAMES[route.path];
    const allowed = !route.roles || (user !== null && route.roles.includes(user.role));
    if (label && (allowed || i === segments.length)) crumbs.push({ to: path, label });
  }
  return crumbs;
}

/** Shown on nested pages only (a page that is not itself in the menu). */
export function Breadcrumbs({ routes }: { routes: PortalRoute[] }) {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const route = routes.find((r) => matchPath({ path: r.path, end: true }, pathname));
  if (!route || route.menu || pathname === '/') return null;
  const crumbs = crumbsFor(pathname, routes, user);
  if (crumbs.length < 2) return null;
  return (
    <nav aria-label="Navigasi jejak" className="breadcrumbs">
      <ol>
        {crumbs.map((c, i) =>
          i === crumbs.length - 1 ? (
            <li key={c.to}>
              <span aria-current="page">{c.label}</span>
            </li>
          ) : (
            <li key={c.to}>
              <Link to={c.to}>{c.label}</Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Header, breadcrumbs, the page, footer. */
export function Shell({ routes, children }: { routes: PortalRoute[]; children: ReactNode }) {
  const { user } = useAuth();
  const [frame, setFrame] = useState<PortalFrame | null>(null);
  const main = useRef<HTMLElement>(null);
  useEffect(() => (main.current ? makeScrollRegionsFocusable(main.current) : undefined), []);
  return (
    <>
      <FrameQuery key={user?.id ?? 'anon'} onFrame={setFrame} />
      <SiteHeader routes={routes} frame={frame} />
      <main id="main" tabIndex={-1} ref={main}>
        <Breadcrumbs routes={routes} />
        {children}
      </main>
      <SiteFooter frame={frame} />
    </>
  );
}
