import type { Router } from 'express';
import { withPathId } from '@seleksi/kit';
import type { CandidateRepositories } from '../repositories';
import { invitationBody, invitationListQuery } from '../schemas';

/** Invitations of talents to apply to an open selection: recorded once per selection and candidate. */
export function invitationRoutes(router: Router, { invitations }: CandidateRepositories): void {
  router.put('/invitations/:id', async (req, res) => {
    const { invitation, created } = await invitations.put(
      invitationBody.parse(withPathId(req.body, 'id', req.params.id)),
    );
    res.status(created ? 201 : 200).json(invitation);
  });

  router.get('/invitations', async (req, res) => {
    res.json({ items: await invitations.list(invitationListQuery.parse(req.query)) });
  });
}
