import type { Router } from 'express';
import { z } from 'zod';
import { EMPLOYEE_BUCKETS, validateIpAsnSettings, type IpAsnSettings } from '@seleksi/domain';
import { notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';

const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const period = z.coerce.number().int().min(2000).max(2200);
/** Shape-checked here; the domain's validation gives the field at fault. */
const settingsBody = z
  .custom<IpAsnSettings>((v) => typeof v === 'object' && v !== null)
  .superRefine((s, ctx) => {
    for (const p of validateIpAsnSettings(s)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
  });
const tallyBody = z.object({
  employees: z.number().int().min(0),
  totalHundredths: z.number().int().min(0),
  counts: z.object({
    SANGAT_TINGGI: z.number().int().min(0),
    TINGGI: z.number().int().min(0),
    SEDANG: z.number().int().min(0),
    RENDAH: z.number().int().min(0),
    SANGAT_RENDAH: z.number().int().min(0),
  }),
});
const slotsBody = z
  .object({
    fromSlot: z.number().int().min(0).max(EMPLOYEE_BUCKETS),
    toSlot: z.number().int().min(0).max(EMPLOYEE_BUCKETS),
    limit: z.number().int().min(1).max(20_000),
    settings: settingsBody,
    computedAt: z.string().datetime(),
  })
  .refine((q) => q.toSlot >= q.fromSlot, { message: 'toSlot must not be before fromSlot', path: ['toSlot'] });

export function ipAsnRoutes(router: Router, { ipAsn }: CandidateRepositories): void {
  router.post('/ip-asn/:agencyCode/:period/clear', async (req, res) => {
    await ipAsn.clear(code.parse(req.params.agencyCode), period.parse(req.params.period));
    res.json({ ok: true });
  });

  router.post('/ip-asn/:agencyCode/:period/slots', async (req, res) => {
    const body = slotsBody.parse(req.body);
    res.json(
      await ipAsn.scoreSlots({
        agencyCode: code.parse(req.params.agencyCode),
        period: period.parse(req.params.period),
        ...body,
      }),
    );
  });

  router.put('/ip-asn/:agencyCode/:period/summary', async (req, res) => {
    const body = z
      .object({ tally: tallyBody, settings: settingsBody, computedAt: z.string().datetime() })
      .parse(req.body);
    res.json(await ipAsn.putSummary(code.parse(req.params.agencyCode), period.parse(req.params.period), body));
  });

  router.get('/ip-asn/:agencyCode/:period/summary', async (req, res) => {
    const s = await ipAsn.getSummary(code.parse(req.params.agencyCode), period.parse(req.params.period));
    if (!s) throw notFound('IpAsnSummary');
    res.json(s);
  });

  /** `period=2025` → every agency's summary of the period; `agencyCode=X` → the agency's, newest first. */
  router.get('/ip-asn/summaries', async (req, res) => {
    const q = z.object({ period: period.optional(), agencyCode: code.optional() }).parse(req.query);
    if (q.agencyCode) res.json({ items: await ipAsn.listAgencySummaries(q.agencyCode) });
    else if (q.period) res.json({ items: await ipAsn.listSummaries(q.period) });
    else res.json({ items: [] });
  });

  router.get('/ip-asn/scores/:profileId/:period', async (req, res) => {
    const s = await ipAsn.getScore(req.params.profileId, period.parse(req.params.period));
    if (!s) throw notFound('IpAsnScore');
    res.json(s);
  });
}
