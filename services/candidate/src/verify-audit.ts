/**
 * Command-line verifier of the audit record's hash chains, reading the candidate service's store
 * directly (MONGODB_URI, CANDIDATE_DB), so it needs no running service:
 *
 *   pnpm --filter @seleksi/candidate-service verify-audit -- <selectionId>… | --all
 *
 * Prints one line per chain and exits 0 when every chain verifies, 1 when one is broken, 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { connectDatabase, type AuditVerification } from '@seleksi/kit';
import { loadCandidateConfig, type CandidateConfig } from './config';
import { createCandidateModels } from './models';
import { createAuditRecordRepository } from './repositories/audit-records';

/** One line for a chain's verification. */
export function describeVerification(v: AuditVerification): string {
  const head = v.head ? `head ${v.head.seq} ${v.head.hash}` : 'no head';
  if (v.ok) return `OK ${v.selectionId}: ${v.length} records, ${head}`;
  const b = v.firstBroken!;
  return `BROKEN ${v.selectionId}: link ${b.seq} (${b.decisionId ?? '-'}) ${b.problem}; last intact ${head}`;
}

/** Verifies the chains named in `args` (or every chain with `--all`); answers the exit code. */
export async function runVerifyAudit(
  args: readonly string[],
  config: Pick<CandidateConfig, 'MONGODB_URI' | 'CANDIDATE_DB'>,
  print: (line: string) => void,
): Promise<number> {
  const all = args.includes('--all');
  const ids = args.filter((a) => a !== '--all' && a !== '--');
  if (!all && ids.length === 0) {
    print('usage: verify-audit <selectionId>… | --all');
    return 2;
  }
  const conn = await connectDatabase({ uri: config.MONGODB_URI, dbName: config.CANDIDATE_DB });
  try {
    const models = createCandidateModels(conn);
    const repo = createAuditRecordRepository(models);
    const chains = all ? ((await models.AuditRecord.collection.distinct('selectionId')) as string[]).sort() : ids;
    let broken = 0;
    for (const id of chains) {
      const v = await repo.verify(id);
      if (!v.ok) broken += 1;
      print(describeVerification(v));
    }
    print(`${chains.length} chains verified, ${broken} broken`);
    return broken > 0 ? 1 : 0;
  } finally {
    await conn.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runVerifyAudit(process.argv.slice(2), loadCandidateConfig(), (line) => console.log(line));
}
