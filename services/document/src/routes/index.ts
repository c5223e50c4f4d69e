import type { Router } from 'express';
import type { DocumentIssuer } from '../issuer';
import type { DocumentRepositories } from '../repositories';
import type { DocumentSigner } from '../signing';
import { documentPartRoutes } from './document-parts';
import { documentRoutes } from './documents';
import { logoRoutes } from './logos';
import { verifyRoutes } from './verify';

export function documentServiceRoutes(
  router: Router,
  repos: DocumentRepositories,
  issuer: DocumentIssuer,
  signer: DocumentSigner,
  signingSince: Date,
): void {
  documentRoutes(router, repos, issuer);
  verifyRoutes(router, repos, signer, signingSince);
  logoRoutes(router, repos);
  documentPartRoutes(router, repos);
}
