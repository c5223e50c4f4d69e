/**
 * Custom search attributes: registered on the Temporal server at start-up (dev server flags or the
 * operator API) and set by workflows so operators can find any process in the Temporal UI.
 * Never personal data here (no names, no NIP).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const AgencyCodeKey = defineSearchAttributeKey('AgencyCode', SearchAttributeType.KEYWORD);
export const SelectionIdKey = defineSearchAttributeKey('SelectionId', SearchAttributeType.KEYWORD);
export const SelectionStageKey = defineSearchAttributeKey('SelectionStage', SearchAttributeType.KEYWORD);
export const StageDeadlineKey = defineSearchAttributeKey('StageDeadline', SearchAttributeType.DATETIME);
/** The role that must act while a process waits on a person (PPK, OVERSEER…); absent otherwise. */
export const WaitingForKey = defineSearchAttributeKey('WaitingFor', SearchAttributeType.KEYWORD);
/** Since when the process waits on that role: `WaitingSince < '…'` finds stuck rounds. */
export const WaitingSinceKey = defineSearchAttributeKey('WaitingSince', SearchAttributeType.DATETIME);

/** The list the dev server / test harness registers (`--search-attribute Name=Type`). */
export const SEARCH_ATTRIBUTES: {
  name: string;
  type: 'Keyword' | 'Datetime' | 'Int' | 'Text' | 'Bool' | 'Double' | 'KeywordList';
}[] = [
  { name: AgencyCodeKey.name, type: 'Keyword' },
  { name: SelectionIdKey.name, type: 'Keyword' },
  { name: SelectionStageKey.name, type: 'Keyword' },
  { name: StageDeadlineKey.name, type: 'Datetime' },
  { name: WaitingForKey.name, type: 'Keyword' },
  { name: WaitingSinceKey.name, type: 'Datetime' },
];
