/**
 * The search, sort and order of a selection's applicants list, checked once for the GraphQL connection
 * (`Selection.applications`) and its export (`/export/selections/<id>/applicants.xlsx?search=&sort=&desc=`),
 * so the file holds the rows the screen shows. Sort fields are a whitelist of indexed fields.
 */
import { APPLICATION_SORTS, type ApplicationListQuery, type ApplicationSort } from '@seleksi/kit';
import { gqlError } from '../errors';

export const MAX_SEARCH_LENGTH = 100;

export interface ApplicantListArgs {
  search?: string | null;
  sort?: string | null;
  desc?: boolean | string | null;
}

/** The service's filter for the args; a typed VALIDATION_FAILED (field `sort` or `search`) when they are off. */
export function applicantListFilter(args: ApplicantListArgs): Pick<ApplicationListQuery, 'search' | 'sort' | 'desc'> {
  const search = typeof args.search === 'string' ? args.search.trim() : '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw gqlError('VALIDATION_FAILED', `Kata pencarian paling panjang ${MAX_SEARCH_LENGTH} karakter`, 'search');
  }
  const sort = args.sort ? args.sort.trim().toUpperCase() : 'ID';
  if (!(APPLICATION_SORTS as readonly string[]).includes(sort)) {
    throw gqlError(
      'VALIDATION_FAILED',
      // Not quoting the value: the typed-errors plugin keeps request strings out of messages.
      'Kolom pengurutan tidak dikenal; pilih NAME (nama), SUBMITTED_AT (waktu melamar) atau ID',
      'sort',
    );
  }
  const desc = args.desc === true || args.desc === 'true' || args.desc === '1';
  return {
    ...(search ? { search } : {}),
    ...(sort !== 'ID' ? { sort: sort as ApplicationSort } : {}),
    ...(desc ? { desc } : {}),
  };
}
