/**
 * Evidence PDFs of merit-system assessments at `GET /merit-evidence/<id>`: the agency's own staff
 * (secretariat, administrator, PPK), the overseer and national administrators.
 */
import type express from 'express';
import type { GatewayDeps } from '../context';
import { pdfDownloadRoute } from '../pdf-download';

export function meritEvidenceRoutes(app: express.Express, deps: GatewayDeps): void {
  pdfDownloadRoute(app, deps, {
    path: '/merit-evidence',
    what: 'merit evidence',
    async open({ user: u }, id) {
      const file = await deps.services.assessment.getMeritEvidence(id);
      if (!file) return null;
      const staff = ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK'].includes(u.role) && u.agencyCode === file.agencyCode;
      return { file, allowed: staff || u.role === 'OVERSEER' || u.role === 'ADMIN' };
    },
    content: (file) => deps.services.assessment.getMeritEvidenceContent(file.id),
  });
}
