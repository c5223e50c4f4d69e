import type { PortalRoute } from './types';
import { HomePage } from '../pages/public/HomePage';
import { SignInPage } from '../pages/public/SignInPage';

/** Public pages: announcements, results, verification, sign-in. */
export const publicRoutes: PortalRoute[] = [
  { path: '/', element: <HomePage />, menu: 'Beranda' },
  { path: '/masuk', element: <SignInPage /> },
];
