import type { Router } from 'express';
import { z } from 'zod';
import { DomainError, ELECTION_REGION_KINDS, electionRegionId, isLocalDate } from '@seleksi/domain';
import { idField, notFound } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { actorBody } from '../schemas';

const localDate = z.string().refine(isLocalDate, 'not a real date (YYYY-MM-DD)');
const idParams = z.object({ id: idField });

const regionBody = z.object({
  kind: z.enum(ELECTION_REGION_KINDS),
  name: z.string().trim().min(1).max(200),
  schedules: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(200),
        candidatePairsDeterminedOn: localDate,
        currentTermEndsOn: localDate,
        newHeadInauguratedOn: localDate.nullable().default(null),
      }),
    )
    .max(20),
  expectedRevision: z.number().int().min(0).nullish(),
  // Kept with the revision: a retry that only records the lost audit entry credits the save's author.
  // Optional while a gateway of the previous release (which does not send them) may still call.
  by: actorBody.optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
});

const dutyBody = z.object({
  agencyCode: idField,
  subjectId: idField,
  route: z.enum(['OPEN_SELECTION', 'TALENT_POOL']),
  position: z.string().min(1).max(500),
  actedOn: localDate,
  dueOn: localDate,
  window: z.object({ from: localDate, to: localDate, label: z.string().max(500).optional() }),
  permission: z.object({
    letterNumber: z.string().min(1).max(300),
    letterDate: localDate,
    scope: z.string().max(2000),
  }),
});

const reportBody = z.object({
  letterNumber: z.string().trim().min(1).max(300),
  date: localDate,
  recordedBy: idField,
  recordedAt: z.string().datetime(),
});

/** Regions' pilkada schedules (administrators' reference data) and the duties to report to the Minister. */
export function electionRoutes(router: Router, { elections }: CandidateRepositories): void {
  router.get('/election-regions', async (_req, res) => {
    res.json({ items: await elections.list() });
  });

  router.get('/election-regions/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const found = await elections.get(id);
    if (!found) throw notFound(`Election region ${id}`);
    res.json(found);
  });

  // The id is derived from kind and name, so one region is never stored twice under two spellings.
  router.put('/election-regions/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const body = regionBody.parse(req.body);
    if (electionRegionId(body.kind, body.name) !== id)
      throw new DomainError('VALIDATION_FAILED', `region id ${id} does not match its kind and name`, 'id');
    res.json(await elections.put(id, body));
  });

  router.get('/agencies/:id/election-windows', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const found = await elections.windowsForAgency(id);
    // The field tells an unknown agency from a route this service lacks (clients fail closed on the latter).
    if (!found) throw notFound(`Agency ${id}`, 'agencyCode');
    res.json(found);
  });

  router.get('/election-report-duties', async (req, res) => {
    const { agencyCode } = z.object({ agencyCode: idField.optional() }).parse(req.query);
    res.json({ items: await elections.listReportDuties(agencyCode) });
  });

  router.get('/election-report-duties/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const found = await elections.getReportDuty(id);
    if (!found) throw notFound(`Election report duty ${id}`);
    res.json(found);
  });

  router.post('/election-report-duties', async (req, res) => {
    res.json(await elections.openReportDuty(dutyBody.parse(req.body)));
  });

  router.post('/election-report-duties/:id/report', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await elections.recordReport(id, reportBody.parse(req.body)));
  });
}
