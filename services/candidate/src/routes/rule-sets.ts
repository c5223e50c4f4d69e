import type { Router } from 'express';
import type { CandidateRepositories } from '../repositories';
import { ruleSetScopeParam, ruleSetVersionBody } from '../schemas';

/** Versions of the default selection rules per scope ('NATIONAL' or an agency code): listed, appended. */
export function ruleSetRoutes(router: Router, { ruleSets }: CandidateRepositories): void {
  router.get('/rule-sets/:scope/versions', async (req, res) => {
    res.json({ items: await ruleSets.list(ruleSetScopeParam.parse(req.params.scope)) });
  });

  router.post('/rule-sets/:scope/versions', async (req, res) => {
    const body = ruleSetVersionBody.parse({ ...req.body, scope: req.params.scope });
    res.status(201).json(await ruleSets.append(body));
  });
}
