/**
 * What the payload codec adds to each Temporal payload: JSON conversion plus AES-256-GCM encrypt and decrypt
 * (with the protobuf framing) against JSON conversion alone — the floor — measured in the same run, for a small
 * payload (a decision's arguments) and a large one (a round's state with 1,000 applications).
 *
 *   node --import tsx test/bench/payload-codec.ts [rounds=2000]
 */
import { defaultPayloadConverter } from '@temporalio/common';
import { generatePayloadKey, parsePayloadKeyRing, seleksiDataConverter } from '@seleksi/workflows';

const rounds = Number(process.argv[2] ?? 2000);
const codec = seleksiDataConverter(parsePayloadKeyRing(generatePayloadKey('bench'))).payloadCodecs![0]!;

const person = (i: number) => ({
  candidateId: `cand-${i}`,
  name: `Peserta Uji ${i}`,
  nip: `19850321201001${String(1000 + (i % 9000)).padStart(4, '0')}`,
  scores: { assessment: 80.25, interview: 77.5, trackRecord: 90 },
  status: 'PASSED',
  reason: 'Memenuhi seluruh persyaratan administrasi',
});
const samples = {
  small: { actor: { userId: 'usr-1', role: 'PANSEL_MEMBER' }, applicationId: 'app-1', score: 81.5, note: 'Wawancara' },
  large: { stage: 'INTERVIEW', applications: Array.from({ length: 1000 }, (_, i) => person(i)) },
};

async function time(run: () => Promise<void>): Promise<number> {
  for (let i = 0; i < Math.min(200, rounds); i++) await run(); // warm-up
  const t = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await run();
  return Number(process.hrtime.bigint() - t) / 1e3 / rounds; // µs per round trip
}

for (const [name, value] of Object.entries(samples)) {
  const bytes = defaultPayloadConverter.toPayload(value).data!.length;
  const floor = await time(async () => {
    defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(value));
  });
  const coded = await time(async () => {
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
    const [dec] = await codec.decode([enc!]);
    defaultPayloadConverter.fromPayload(dec!);
  });
  console.log(
    `${name} (${bytes} B): JSON only ${floor.toFixed(1)} µs, JSON + AES-256-GCM ${coded.toFixed(1)} µs per encode+decode — ${(coded / floor).toFixed(2)}× the floor`,
  );
}
