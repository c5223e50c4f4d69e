import type { PortalRoute } from './types';

/** Candidate pages (role CANDIDATE). */
export const candidateRoutes: PortalRoute[] = [];
