import express, { type Router } from 'express';
import { DomainError, LOGO_MAX_BYTES } from '@seleksi/domain';
import { checkLogo } from '../logo-check';
import type { DocumentRepositories } from '../repositories';

export function logoRoutes(router: Router, { logos }: DocumentRepositories): void {
  /** Stores an agency logo (the raw image as the body) after checking its content; answers its reference. */
  router.post(
    '/logos',
    // Read a little past the limit so an oversize upload gets the typed error rather than a bare 413.
    express.raw({ type: () => true, limit: LOGO_MAX_BYTES * 2 }),
    async (req, res) => {
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body)) throw new DomainError('INVALID_IMAGE', 'Berkas logo kosong', 'logo');
      res.json(await logos.put(body, checkLogo(body)));
    },
  );
}
