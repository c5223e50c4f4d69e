/**
 * Activities of the IP ASN run: the scoring happens in the candidate service, next to the profiles (a
 * batch's profiles never cross the network); these page through a batch's slots and add up the tallies.
 */
import { Context, heartbeat } from '@temporalio/activity';
import {
  emptyIpAsnTally,
  mergeIpAsnTallies,
  type IpAsnSettings,
  type IpAsnSlotsResult,
  type IpAsnSummaryDto,
  type IpAsnTally,
} from '@seleksi/domain';
import { callService } from '../activity-errors';

export interface IpAsnPorts {
  candidate: {
    clearIpAsnScores(agencyCode: string, period: number): Promise<unknown>;
    scoreIpAsnSlots(
      agencyCode: string,
      period: number,
      body: { fromSlot: number; toSlot: number; limit: number; settings: IpAsnSettings; computedAt: string },
    ): Promise<IpAsnSlotsResult>;
    putIpAsnSummary(
      agencyCode: string,
      period: number,
      body: { tally: IpAsnTally; settings: IpAsnSettings; computedAt: string },
    ): Promise<IpAsnSummaryDto>;
  };
}

export interface ScoreIpAsnSlotsArgs {
  agencyCode: string;
  period: number;
  fromSlot: number;
  toSlot: number;
  settings: IpAsnSettings;
  computedAt: string;
}

/** Employees per call to the service (whole slots, so a call may hold a few more). */
const PAGE = 2000;

export function createIpAsnActivities(ports: IpAsnPorts) {
  return {
    async clearIpAsnScores(agencyCode: string, period: number): Promise<void> {
      await callService(() => ports.candidate.clearIpAsnScores(agencyCode, period));
    },

    /**
     * Scores slots [fromSlot, toSlot) a page at a time, heartbeating after each page with the tally so far;
     * a retry resumes from the last page done (a page scored twice writes the same documents).
     */
    async scoreIpAsnSlots(args: ScoreIpAsnSlotsArgs): Promise<IpAsnTally> {
      const resumed = Context.current().info.heartbeatDetails as { nextSlot: number; tally: IpAsnTally } | undefined;
      let nextSlot: number | null = resumed?.nextSlot ?? args.fromSlot;
      let tally = resumed?.tally ?? emptyIpAsnTally();
      while (nextSlot !== null && nextSlot < args.toSlot) {
        const from: number = nextSlot;
        const r = await callService(() =>
          ports.candidate.scoreIpAsnSlots(args.agencyCode, args.period, {
            fromSlot: from,
            toSlot: args.toSlot,
            limit: PAGE,
            settings: args.settings,
            computedAt: args.computedAt,
          }),
        );
        tally = mergeIpAsnTallies(tally, r.tally);
        nextSlot = r.nextSlot;
        heartbeat({ nextSlot: nextSlot ?? args.toSlot, tally });
      }
      return tally;
    },

    async putIpAsnSummary(
      agencyCode: string,
      period: number,
      body: { tally: IpAsnTally; settings: IpAsnSettings; computedAt: string },
    ): Promise<void> {
      await callService(() => ports.candidate.putIpAsnSummary(agencyCode, period, body));
    },
  };
}
export type IpAsnActivities = ReturnType<typeof createIpAsnActivities>;
