/**
 * The IP ASN run of one agency and period (a year): every employee scored from the stored profiles, slot
 * range by slot range, then the agency's distribution and average stored. Imported by workflow code,
 * activities, the gateway and tests: no Node built-ins.
 */
import { defineQuery } from '@temporalio/workflow';
import type { Actor, IpAsnSettings, IpAsnTally } from '@seleksi/domain';

export interface IpAsnRunInput {
  agencyCode: string;
  /** The calendar year measured. */
  period: number;
  /** The weights and tables, pinned when the run starts: every batch scores with the same. */
  settings: IpAsnSettings;
  /** Slots (of EMPLOYEE_BUCKETS) per batch activity (default IP_ASN_SLOTS_PER_BATCH). */
  slotsPerBatch?: number;
  requestedBy: Actor;
}

export const IP_ASN_RUN_STATUSES = ['STARTING', 'SCORING', 'COMPLETED'] as const;
export type IpAsnRunStatus = (typeof IP_ASN_RUN_STATUSES)[number];

export interface IpAsnRunProgress {
  agencyCode: string;
  period: number;
  status: IpAsnRunStatus;
  /** The next slot to score (EMPLOYEE_BUCKETS when all are done). */
  nextSlot: number;
  tally: IpAsnTally;
  startedAt: string;
  finishedAt: string | null;
}

export const getIpAsnProgressQuery = defineQuery<IpAsnRunProgress>('getIpAsnProgress');

export function ipAsnWorkflowId(agencyCode: string, period: number): string {
  return `ip-asn:${agencyCode}:${period}`;
}

/** 16 batches per agency: about 15,000 employees each at 250,000 (each a few MB in the service, never the agency). */
export const IP_ASN_SLOTS_PER_BATCH = 64;
