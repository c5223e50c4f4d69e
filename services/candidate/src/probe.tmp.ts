import { connectDatabase, initModels } from '@seleksi/kit';
import { createCandidateModels } from './models';

const conn = await connectDatabase({ uri: 'mongodb://127.0.0.1:27999', dbName: `probe_${Date.now()}` });
const models = createCandidateModels(conn);
await initModels(Object.values(models));
const { Profile } = models;
function doc(i: number, tag: string) {
  return {
    _id: `${tag}-${i}`,
    nip: `${tag}${String(i).padStart(14, '0')}`,
    name: `P ${i}`,
    rank: 'IV/a',
    agencyCode: 'BULK',
    education: 'S2',
    careers: [{ position: 'Kabid', positionKind: 'ADMINISTRATOR', unit: 'x', agencyCode: 'BULK', from: '2015-01-01', to: null }],
    skp: [{ year: 2025, predicate: 'BAIK' }],
    lhkpnFiled: true,
    disciplinarySanction: false,
    updatedAt: new Date(),
  };
}
const N = Number(process.argv[2] ?? 200);
let t = performance.now();
await Profile.bulkWrite(
  Array.from({ length: N }, (_, i) => ({ replaceOne: { filter: { _id: `bw-${i}` }, replacement: doc(i, 'bw'), upsert: true } })) as never,
  { ordered: false },
);
console.log('bulkWrite replaceOne upsert (new)', N, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
await Profile.bulkWrite(
  Array.from({ length: N }, (_, i) => ({ replaceOne: { filter: { _id: `bw-${i}` }, replacement: doc(i, 'bw'), upsert: true } })) as never,
  { ordered: false },
);
console.log('bulkWrite replaceOne upsert (existing)', N, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
await Profile.collection.insertMany(Array.from({ length: N }, (_, i) => doc(i, 'im')) as never[], { ordered: false });
console.log('insertMany', N, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const ids = Array.from({ length: N }, (_, i) => `im-${i}`);
await Profile.deleteMany({ _id: { $in: ids } });
console.log('deleteMany $in', N, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < N; i++) await Profile.replaceOne({ _id: `sq-${i}` }, doc(i, 'sq'), { upsert: true });
console.log('sequential replaceOne upsert', N, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
console.log(await Profile.countDocuments({ agencyCode: 'BULK' }), (performance.now() - t).toFixed(0), 'ms count');
await conn.dropDatabase();
await conn.close();
