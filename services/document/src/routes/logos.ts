import express, { type Router } from 'express';
import { DomainError, LOGO_MAX_BYTES } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
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

  /** A stored logo's bytes by its content hash (the portal's header shows it through the gateway). */
  router.get('/logos/:sha256', async (req, res) => {
    const sha256 = req.params.sha256;
    const bytes = /^[0-9a-f]{64}$/.test(sha256) ? await logos.bytes(sha256) : null;
    if (!bytes) throw notFound('Logo', 'sha256');
    // PNG starts with 0x89 'PNG'; the upload check admits PNG and JPEG only.
    res.setHeader('Content-Type', bytes[0] === 0x89 ? 'image/png' : 'image/jpeg');
    res.send(bytes);
  });
}
