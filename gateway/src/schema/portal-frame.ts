/**
 * The portal's frame: the agency whose name, logo and helpdesk its header and footer show. Public, as it
 * is letterhead data only: the signed-in user's agency, else the agency of the selection being viewed
 * (when the viewer may see it), else none, and the portal shows the product's own name and helpdesk.
 */
import type { AgencyDto } from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { typed } from '../errors';
import { canSee } from './selection';

const PortalFrameType = builder.objectRef<AgencyDto>('PortalFrame').implement({
  description: "The agency shown in the portal's header and footer (public letterhead data)",
  fields: (t) => ({
    agencyCode: t.exposeID('code'),
    name: t.exposeString('name'),
    address: t.string({
      description: 'Address lines joined, else the address and city',
      resolve: (a) =>
        a.addressLines?.length ? a.addressLines.join(', ') : [a.address, a.city].filter(Boolean).join(', '),
    }),
    phone: t.string({ nullable: true, resolve: (a) => a.phone ?? null }),
    email: t.string({ nullable: true, resolve: (a) => a.email ?? null }),
    website: t.string({ nullable: true, resolve: (a) => a.website ?? null }),
    serviceHours: t.string({ nullable: true, resolve: (a) => a.serviceHours ?? null }),
    logoUrl: t.string({
      nullable: true,
      description: 'Path of the uploaded logo (/logos/<sha256>), null when the agency has none',
      resolve: (a) => (a.logo ? `/logos/${a.logo.sha256}` : null),
    }),
  }),
});

async function frameAgencyCode(ctx: GraphQLContext, selectionId: string | null): Promise<string | null> {
  if (ctx.user?.agencyCode) return ctx.user.agencyCode;
  if (!selectionId) return null;
  const s = await ctx.loaders.selection.load(selectionId);
  return s && canSee(ctx, s) ? s.agencyCode : null;
}

builder.queryField('portalFrame', (t) =>
  t.field({
    type: PortalFrameType,
    nullable: true,
    description:
      "The agency of the portal's header and footer: yours, else the viewed selection's; null: the product's",
    args: { selectionId: t.arg.id({ required: false }) },
    resolve: (_r, { selectionId }, ctx) =>
      typed(async () => {
        const code = await frameAgencyCode(ctx, selectionId ? String(selectionId) : null);
        return code ? ctx.services.candidate.getAgency(code) : null;
      }),
  }),
);
