/**
 * The earlier round and vacancy a record comes from (a re-announced round's, a switched talent filling's). Its own
 * module, with no type registered at load: talent-filling.ts and follow-ups.ts both use it, and follow-ups.ts extends
 * Vacancy at load, which would need selection.ts loaded first.
 */
import type { SelectionOriginDto } from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { canSee, SelectionType } from './selection';

/** A linked round as `selection(id:)` would answer it: a planned one only to its agency's staff. */
export async function visibleSelection(ctx: GraphQLContext, id: string) {
  const s = await ctx.loaders.selection.load(id);
  return s && canSee(ctx, s) ? s : null;
}

/**
 * An earlier round and vacancy some record comes from (a re-announced round's, a switched talent filling's), its
 * round read as the viewer may see it.
 */
export function vacancyOriginType(name: string, description: string) {
  return builder.objectRef<SelectionOriginDto>(name).implement({
    description,
    fields: (t) => ({
      selectionId: t.exposeID('selectionId'),
      vacancyId: t.exposeID('vacancyId'),
      selection: t.field({
        type: SelectionType,
        nullable: true,
        resolve: (o, _a, ctx) => visibleSelection(ctx, o.selectionId),
      }),
    }),
  });
}
