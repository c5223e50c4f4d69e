import type { PortalRoute } from './types';

/** Pages of the secretariat, Pansel members, PPK, overseer and administrators. */
export const staffRoutes: PortalRoute[] = [];
