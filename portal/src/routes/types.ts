import type { ReactNode } from 'react';
import type { Role } from '../auth';

/** A page of the portal: its path, menu label (if it is in the menu) and who may open it (none = public). */
export interface PortalRoute {
  path: string;
  element: ReactNode;
  menu?: string;
  roles?: readonly Role[];
}
