/** Test data shared by the workflow unit tests (only tests import it; the workflow bundle never does). */
import { buildSelectionRules, overseerRulesFor, type AgencyDto } from '@seleksi/domain';
import type { TalentPoolFillingInput } from './talent-pool/definitions';

/** The agency the tests run in, as its documents print it. */
export const KALTIM: AgencyDto = {
  code: 'KALTIM',
  name: 'Pemerintah Provinsi Kalimantan Timur',
  address: 'Jalan Gajah Mada No. 2',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINCE',
};

/** A talent filling of one post in KALTIM under the BKN overseer, opened by the Pansel secretary. */
export function talentFillingInput(fillingId: string, post: TalentPoolFillingInput['post']): TalentPoolFillingInput {
  return {
    fillingId,
    agency: KALTIM,
    post,
    plannedInaugurationDate: '2027-03-01',
    ppkTitle: 'Gubernur Kalimantan Timur',
    overseer: overseerRulesFor('BKN'),
    fallbackRules: buildSelectionRules(),
    signatory: { name: 'Kepala BKD', title: 'Kepala Badan Kepegawaian Daerah' },
    createdBy: { userId: 'u', role: 'PANSEL_SECRETARY' },
    createdAt: '2027-01-01T00:00:00.000Z',
  };
}
