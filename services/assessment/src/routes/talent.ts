import type { Router } from 'express';
import type { TalentScoringRules } from '@seleksi/domain';
import { idField, notFound, withPathId } from '@seleksi/kit';
import { z } from 'zod';
import type { AssessmentRepositories } from '../repositories';
import {
  successionGroupBody,
  successionGroupListQuery,
  talentMapEntriesBody,
  talentMapEntryListQuery,
  talentMapParams,
  talentMapSlotsBody,
  talentSettingsBody,
} from '../schemas';

const agencyParams = z.object({ agencyCode: idField });
const jsonObject = z.record(z.string(), z.unknown(), 'the body must be a JSON object');

/** The talent route's records: settings per agency, the nine-box map per period, and the KRS. */
export function talentRoutes(
  router: Router,
  { talentSettings, talentMap, successionGroups }: AssessmentRepositories,
): void {
  router.put('/talent-settings/:agencyCode', async (req, res) => {
    // Checked first: withPathId would turn an array or a scalar into `{ agencyCode }`.
    jsonObject.parse(req.body);
    const settings = talentSettingsBody.parse(withPathId(req.body, 'agencyCode', req.params.agencyCode));
    res.json(await talentSettings.put(settings));
  });

  router.get('/talent-settings/:agencyCode', async (req, res) => {
    const settings = await talentSettings.get(req.params.agencyCode);
    if (!settings) throw notFound('Talent settings');
    res.json(settings);
  });

  /** `{ items }` (≤ 1000 entries) → `{ upserted }`; idempotent by entry id. */
  router.put('/talent-map/entries', async (req, res) => {
    const { items } = talentMapEntriesBody.parse(req.body);
    res.json({ upserted: await talentMap.putEntries(items) });
  });

  // Before the '/talent-map/:agencyCode/…' routes: 'history' is no agency code.
  router.get('/talent-map/history/:employeeId', async (req, res) => {
    res.json({ items: await talentMap.history(req.params.employeeId) });
  });

  router.get('/talent-map/:agencyCode/periods', async (req, res) => {
    const { agencyCode } = agencyParams.parse(req.params);
    res.json({ items: await talentMap.periods(agencyCode) });
  });

  router.get('/talent-map/:agencyCode/:period/counts', async (req, res) => {
    const { agencyCode, period } = talentMapParams.parse(req.params);
    res.json(await talentMap.counts(agencyCode, period));
  });

  /** Maps a page of employees (whole slots, with their SKP): `{ processed, unmapped, byBox }`. */
  router.post('/talent-map/:agencyCode/:period/slots', async (req, res) => {
    const { agencyCode, period } = talentMapParams.parse(req.params);
    const body = talentMapSlotsBody.parse(req.body);
    res.json(
      await talentMap.mapSlots({
        ...body,
        agencyCode,
        period,
        scoring: body.scoring as unknown as TalentScoringRules,
      }),
    );
  });

  /** Clears a period before re-mapping it from scratch: `{ deleted }`. */
  router.delete('/talent-map/:agencyCode/:period', async (req, res) => {
    const { agencyCode, period } = talentMapParams.parse(req.params);
    res.json({ deleted: await talentMap.clearPeriod(agencyCode, period) });
  });

  router.get('/talent-map/:agencyCode/:period/entries', async (req, res) => {
    const { agencyCode, period } = talentMapParams.parse(req.params);
    const { box, limit, after } = talentMapEntryListQuery.parse(req.query);
    res.json(await talentMap.listEntries({ agencyCode, period, box }, limit, after));
  });

  router.put('/succession-groups/:id', async (req, res) => {
    res.json(await successionGroups.put(successionGroupBody.parse(withPathId(req.body, 'id', req.params.id))));
  });

  router.get('/succession-groups/:id', async (req, res) => {
    const group = await successionGroups.get(req.params.id);
    if (!group) throw notFound('Succession group');
    res.json(group);
  });

  router.get('/succession-groups', async (req, res) => {
    res.json({ items: await successionGroups.list(successionGroupListQuery.parse(req.query)) });
  });
}
