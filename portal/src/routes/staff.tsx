import { lazy, Suspense } from 'react';
import type { PortalRoute } from './types';
import { Loading } from '../components/ui';
import { AccountsPage } from '../pages/staff/AccountsPage';
import { AgenciesPage, AgencyPage } from '../pages/staff/AgenciesPage';
import { AuditPage } from '../pages/staff/AuditPage';
import { CalendarPage } from '../pages/staff/CalendarPage';
import { CreateSelectionPage } from '../pages/staff/CreateSelectionPage';
import { ElectionsPage } from '../pages/staff/ElectionsPage';
import { DocumentCorrectionPage } from '../pages/staff/DocumentCorrectionPage';
import { ProfileDisputesPage } from '../pages/staff/ProfileDisputesPage';
import { MySelectionsPage, OverseerPendingPage, PpkPendingPage, SelectionsPage } from '../pages/staff/SelectionsPage';
import { TalentFillingPage, TalentFillingsPage } from '../pages/staff/TalentFillingPage';
import { TalentMappingPage } from '../pages/staff/TalentMappingPage';
import { IpAsnPage } from '../pages/staff/IpAsnPage';
import { TalentGatePage } from '../pages/staff/TalentGatePage';
import { ImportPage } from '../pages/staff/ImportPage';
import { RuleSetsPage } from '../pages/staff/RuleSetsPage';

// The oversight page carries the chart library: loaded when opened, so the other pages do not download it.
const OversightPage = lazy(() => import('../pages/staff/OversightPage').then((m) => ({ default: m.OversightPage })));
// The dashboard's decision panels read the decisions' declarations (with their zod schemas): loaded when opened.
const SelectionDashboardPage = lazy(() =>
  import('../pages/staff/SelectionDashboardPage').then((m) => ({ default: m.SelectionDashboardPage })),
);

/** Pages of the secretariat, Pansel members, PPK, overseer and administrators. */
export const staffRoutes: PortalRoute[] = [
  { path: '/kelola/instansi', element: <AgenciesPage />, menu: 'Instansi', roles: ['ADMIN', 'AGENCY_ADMIN'] },
  { path: '/kelola/instansi/:code', element: <AgencyPage />, roles: ['ADMIN', 'AGENCY_ADMIN'] },
  { path: '/kelola/akun', element: <AccountsPage />, menu: 'Akun', roles: ['ADMIN', 'AGENCY_ADMIN'] },
  { path: '/kelola/kalender', element: <CalendarPage />, menu: 'Kalender libur', roles: ['ADMIN', 'AGENCY_ADMIN'] },
  {
    path: '/kelola/pilkada',
    element: <ElectionsPage />,
    menu: 'Masa pilkada',
    roles: ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY'],
  },
  {
    path: '/kelola/aturan',
    element: <RuleSetsPage />,
    menu: 'Aturan bawaan',
    roles: ['ADMIN', 'AGENCY_ADMIN', 'OVERSEER'],
  },
  {
    path: '/kelola/sanggahan-profil',
    element: <ProfileDisputesPage />,
    menu: 'Sanggahan profil',
    roles: ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'ADMIN'],
  },
  { path: '/kelola/pansel', element: <MySelectionsPage />, menu: 'Seleksi saya', roles: ['PANSEL_MEMBER'] },
  { path: '/kelola/pengawas', element: <OverseerPendingPage />, menu: 'Menunggu keputusan', roles: ['OVERSEER'] },
  { path: '/kelola/ppk', element: <PpkPendingPage />, menu: 'Pilihan PPK', roles: ['PPK'] },
  {
    path: '/kelola/pengawasan',
    element: (
      <Suspense fallback={<Loading />}>
        <OversightPage />
      </Suspense>
    ),
    menu: 'Pengawasan',
    roles: ['OVERSEER', 'ADMIN', 'PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK'],
  },
  {
    path: '/kelola/seleksi',
    element: <SelectionsPage />,
    menu: 'Kelola seleksi',
    roles: ['PANSEL_SECRETARY', 'ADMIN', 'OVERSEER', 'PPK'],
  },
  { path: '/kelola/seleksi/baru', element: <CreateSelectionPage />, menu: 'Buat seleksi', roles: ['PANSEL_SECRETARY'] },
  {
    path: '/kelola/seleksi/:id',
    element: (
      <Suspense fallback={<Loading />}>
        <SelectionDashboardPage />
      </Suspense>
    ),
    roles: ['PANSEL_SECRETARY', 'PANSEL_MEMBER', 'OVERSEER', 'PPK', 'ADMIN'],
  },
  { path: '/kelola/seleksi/:id/audit', element: <AuditPage />, roles: ['PANSEL_SECRETARY', 'OVERSEER', 'ADMIN'] },
  { path: '/kelola/dokumen/:id/koreksi', element: <DocumentCorrectionPage />, roles: ['PANSEL_SECRETARY', 'PPK'] },
  {
    path: '/kelola/impor',
    element: <ImportPage />,
    menu: 'Impor data ASN',
    roles: ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'ADMIN'],
  },
  {
    path: '/kelola/talenta/sistem-merit',
    element: <TalentGatePage />,
    menu: 'Sistem merit',
    roles: ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK', 'OVERSEER', 'ADMIN'],
  },
  {
    path: '/kelola/talenta/pemetaan',
    element: <TalentMappingPage />,
    menu: 'Pemetaan talenta',
    roles: ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'],
  },
  {
    path: '/kelola/talenta/ip-asn',
    element: <IpAsnPage />,
    menu: 'IP ASN',
    roles: ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'],
  },
  {
    path: '/kelola/talenta/pengisian',
    element: <TalentFillingsPage />,
    menu: 'Jalur talenta',
    roles: ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'],
  },
  {
    path: '/kelola/talenta/pengisian/:fillingId',
    element: <TalentFillingPage />,
    roles: ['PANSEL_SECRETARY', 'PPK', 'OVERSEER', 'ADMIN'],
  },
];
