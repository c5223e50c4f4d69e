import type { PortalRoute } from './types';
import { ApplicationDetailPage } from '../pages/candidate/ApplicationDetailPage';
import { ApplicationsPage } from '../pages/candidate/ApplicationsPage';
import { ApplyPage } from '../pages/candidate/ApplyPage';
import { InvitationsPage } from '../pages/candidate/InvitationsPage';
import { ProfilePage } from '../pages/candidate/ProfilePage';
import { VacanciesPage } from '../pages/candidate/VacanciesPage';

const CANDIDATE = ['CANDIDATE'] as const;

/** Candidate pages (role CANDIDATE). */
export const candidateRoutes: PortalRoute[] = [
  { path: '/profil-saya', element: <ProfilePage />, menu: 'Profil saya', roles: CANDIDATE },
  { path: '/lowongan', element: <VacanciesPage />, menu: 'Lowongan', roles: CANDIDATE },
  { path: '/lowongan/:selectionId/:vacancyId', element: <ApplyPage />, roles: CANDIDATE },
  { path: '/lamaran-saya', element: <ApplicationsPage />, menu: 'Lamaran saya', roles: CANDIDATE },
  { path: '/lamaran-saya/:id', element: <ApplicationDetailPage />, roles: CANDIDATE },
  { path: '/undangan', element: <InvitationsPage />, menu: 'Undangan', roles: CANDIDATE },
];
