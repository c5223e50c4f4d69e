import type { PortalRoute } from './types';
import { HomePage } from '../pages/public/HomePage';
import { ResultsPage } from '../pages/public/ResultsPage';
import { SelectionDetailPage } from '../pages/public/SelectionDetailPage';
import { SelectionsPage } from '../pages/public/SelectionsPage';
import { SetPasswordPage } from '../pages/public/SetPasswordPage';
import { SignInPage } from '../pages/public/SignInPage';
import { VerifyDocumentPage } from '../pages/public/VerifyDocumentPage';

/** Public pages: announcements, results, verification, sign-in. */
export const publicRoutes: PortalRoute[] = [
  { path: '/', element: <HomePage />, menu: 'Beranda' },
  { path: '/seleksi', element: <SelectionsPage />, menu: 'Seleksi dan hasil' },
  { path: '/seleksi/:id', element: <SelectionDetailPage /> },
  { path: '/seleksi/:id/hasil', element: <ResultsPage /> },
  { path: '/verifikasi-dokumen', element: <VerifyDocumentPage /> },
  { path: '/masuk', element: <SignInPage /> },
  { path: '/atur-kata-sandi', element: <SetPasswordPage /> },
];
