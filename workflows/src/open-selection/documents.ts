/**
 * The content (Bahasa Indonesia) of each stage's official document, from what the workflow knows
 * plus the candidates' names. Pure: the document service numbers, renders and stores it. Called by the
 * issueStageDocument activity; the decree helpers are shared with the talent route's activities.
 */
import {
  LEVEL_NAME_ID,
  legalBasisFor,
  type DecreeContent,
  type DocumentTable,
  type DocumentVisibility,
  type JptLevel,
  type OfficialDocumentRequest,
  type OverseerEra,
} from '@seleksi/domain';
import type { StageDocumentKind, StageDocumentSpec } from './activities';
import type { VacancyPlan } from './definitions';

type Names = ReadonlyMap<string, { name: string; nip: string }>;

/** Titles as printed; a decree's is its subject after 'TENTANG' (see `decreeTitle`). */
const TITLES: Record<StageDocumentKind, string> = {
  PANSEL_DECREE: 'PEMBENTUKAN PANITIA SELEKSI TERBUKA JABATAN PIMPINAN TINGGI',
  EXTENSION_NOTICE: 'PENGUMUMAN PERPANJANGAN PENDAFTARAN SELEKSI TERBUKA',
  VACANCY_CANCELLATION: 'PENGUMUMAN KEPUTUSAN PANITIA SELEKSI ATAS LOWONGAN JABATAN',
  ADMINISTRATIVE_RESULT_MINUTES: 'BERITA ACARA HASIL SELEKSI ADMINISTRASI',
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: 'PENGUMUMAN HASIL SELEKSI ADMINISTRASI',
  SCORE_SHEET: 'REKAPITULASI NILAI SELEKSI TERBUKA',
  FINAL_RESULT_MINUTES: 'BERITA ACARA SIDANG PLENO PANITIA SELEKSI PENETAPAN HASIL AKHIR',
  FINAL_RESULT_ANNOUNCEMENT: 'PENGUMUMAN HASIL AKHIR SELEKSI TERBUKA',
  REPORT_TO_PPK: 'LAPORAN HASIL SELEKSI TERBUKA JABATAN PIMPINAN TINGGI',
  LETTER_TO_OVERSEER: 'PERMOHONAN REKOMENDASI/PERSETUJUAN LEMBAGA PENGAWAS',
  OVERSEER_RECOMMENDATION: 'CATATAN REKOMENDASI LEMBAGA PENGAWAS',
  APPOINTMENT_DECREE: 'PENGANGKATAN DALAM JABATAN PIMPINAN TINGGI',
  INAUGURATION_MINUTES: 'BERITA ACARA PELANTIKAN',
  COMPLETION_REPORT: 'LAPORAN PELAKSANAAN SELEKSI TERBUKA DAN PENGISIAN JABATAN',
};

const PUBLIC_KINDS: ReadonlySet<StageDocumentKind> = new Set([
  'EXTENSION_NOTICE',
  'VACANCY_CANCELLATION',
  'ADMINISTRATIVE_RESULT_ANNOUNCEMENT',
  'FINAL_RESULT_ANNOUNCEMENT',
]);

export const OVERSEER_NAME: Record<OverseerEra, string> = {
  KASN: 'Komisi Aparatur Sipil Negara',
  BKN: 'Badan Kepegawaian Negara',
  GENERIC: 'Lembaga Pengawas Sistem Merit',
};

/** The head of the overseer as a decree's 'Tembusan' names it. */
export const OVERSEER_HEAD: Record<OverseerEra, string> = {
  KASN: 'Ketua Komisi Aparatur Sipil Negara di Jakarta',
  BKN: 'Kepala Badan Kepegawaian Negara di Jakarta',
  GENERIC: 'Pimpinan Lembaga Pengawas Sistem Merit',
};

/** What the overseer gives on a result in each era: a recommendation (KASN) or an approval. */
const OVERSEER_ACT: Record<OverseerEra, string> = {
  KASN: 'rekomendasi',
  BKN: 'persetujuan',
  GENERIC: 'persetujuan',
};

/** 'Jabatan Pimpinan Tinggi Pratama', or without the level when the posts mix levels. */
export function jptPhrase(levels: readonly JptLevel[]): string {
  const distinct = [...new Set(levels)];
  return distinct.length === 1 && distinct[0]
    ? `Jabatan Pimpinan Tinggi ${LEVEL_NAME_ID[distinct[0]]}`
    : 'Jabatan Pimpinan Tinggi';
}

/** '19760215 200103 2 002' as NIPs are printed; anything but 18 digits is returned as is. */
export function groupNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/** 'huruf a', 'huruf a dan huruf b', 'huruf a, huruf b, dan huruf c': the considerations referred to. */
function letterRefs(count: number): string {
  const refs = Array.from({ length: count }, (_, i) => `huruf ${String.fromCharCode(97 + i)}`);
  if (refs.length <= 2) return refs.join(' dan ');
  return `${refs.slice(0, -1).join(', ')}, dan ${refs.at(-1)}`;
}

/**
 * The considerations of a decree ('Menimbang'): the given 'bahwa …' clauses, then the closing one every
 * decree has, '… berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a …, perlu menetapkan
 * Keputusan <office> tentang <title>'.
 */
export function decreeConsiderations(clauses: readonly string[], office: string, title: string): string[] {
  return [
    ...clauses,
    `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam ${letterRefs(clauses.length)}, perlu menetapkan ` +
      `Keputusan ${office.trim().replace(/[,.]+$/, '')} tentang ${title}`,
  ];
}

/** The dictums that close an appointment decree: rights of the post, then effect on inauguration. */
export const APPOINTMENT_CLOSING_DICTUMS = [
  'Kepada pejabat sebagaimana dimaksud dalam Diktum KESATU diberikan hak keuangan dan fasilitas sesuai dengan ' +
    'ketentuan peraturan perundang-undangan.',
  'Apabila di kemudian hari terdapat kekeliruan dalam Keputusan ini, akan dilakukan perbaikan sebagaimana mestinya.',
  'Keputusan ini mulai berlaku pada tanggal pelantikan.',
] as const;

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '-' : n.toFixed(2));

/** Printed under a deadline computed on a provisional calendar (no SKB yet for a year it reaches). */
export const PROVISIONAL_CALENDAR_NOTE =
  'Catatan: batas waktu ini dihitung dengan kalender sementara, karena hari libur nasional dan cuti bersama ' +
  'tahun tersebut belum ditetapkan dengan SKB; perubahan batas waktu diumumkan melalui portal.';

export function buildStageDocument(spec: StageDocumentSpec, names: Names): OfficialDocumentRequest {
  const { input, state } = spec;
  const rules = input.rules;
  const overseer = OVERSEER_NAME[rules.overseer.era];
  const vacancies = spec.vacancyIds.flatMap((id) => input.vacancies.filter((v) => v.id === id));
  const nameOf = (candidateId: string): string => names.get(candidateId)?.name ?? candidateId;
  const nipOf = (candidateId: string): string => names.get(candidateId)?.nip ?? '-';
  const apps = state.applications.filter(
    (a) =>
      spec.vacancyIds.includes(a.vacancyId) && (!spec.applicationIds || spec.applicationIds.includes(a.applicationId)),
  );
  const position = (v: VacancyPlan): string => `${v.position} (JPT ${LEVEL_NAME_ID[v.level]})`;
  const intro = `Dalam rangka ${input.title} pada ${input.agency.name}`;
  const weights = rules.scoring.weights;
  const weightsLine =
    `Bobot penilaian yang ditetapkan sebelum pengumuman: uji kompetensi (asesmen) ${weights.assessment}%, ` +
    `makalah ${weights.paper}%, presentasi ${weights.presentation}%, wawancara ${weights.interview}%, ` +
    `rekam jejak ${weights.trackRecord}%; nilai ambang batas ${rules.scoring.passMark}.`;

  const vacancyTable: DocumentTable = {
    caption: 'Jabatan yang diseleksi',
    columns: [
      { header: 'No', width: 0.5, align: 'center' },
      { header: 'Jabatan', width: 3 },
      { header: 'Unit Kerja', width: 3 },
    ],
    rows: vacancies.map((v, i) => [String(i + 1), position(v), v.unit]),
  };

  const paragraphs: string[] = [];
  const tables: DocumentTable[] = [];
  const closing: string[] = [];
  let recipient: string[] | null = null;
  let subject: string | null = null;
  let signatory = input.signatory;
  let title: string = TITLES[spec.kind];
  let decree: DecreeContent | null = null;
  let copies: string[] | null = null;
  const ppkSignatory = { name: input.ppkName ?? input.ppkTitle, title: input.ppkTitle, nip: null };

  switch (spec.kind) {
    case 'PANSEL_DECREE': {
      signatory = ppkSignatory;
      const jpt = jptPhrase(input.vacancies.map((v) => v.level));
      title = `Pembentukan Panitia Seleksi Terbuka ${jpt} di Lingkungan ${input.agency.name}`;
      decree = {
        considering: decreeConsiderations(
          [
            `bahwa untuk mengisi ${jpt} yang lowong di lingkungan ${input.agency.name} perlu dilaksanakan seleksi ` +
              'terbuka dan kompetitif dengan memperhatikan sistem merit',
            'bahwa untuk melaksanakan seleksi sebagaimana dimaksud dalam huruf a, perlu dibentuk Panitia Seleksi ' +
              'yang terdiri atas unsur internal dan eksternal instansi',
          ],
          input.ppkTitle,
          title,
        ),
        legalBasis: legalBasisFor('PANSEL_DECREE', rules),
        decisions: [
          `Membentuk Panitia Seleksi untuk pelaksanaan ${input.title} dengan susunan keanggotaan sebagaimana ` +
            'tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.',
          'Panitia Seleksi sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:\n' +
            'a. menyusun jadwal, persyaratan, metode, dan bobot penilaian seleksi sebelum pengumuman;\n' +
            `b. mengumumkan lowongan ${vacancies.length > 1 ? 'jabatan-jabatan' : 'jabatan'} sebagaimana tercantum ` +
            'dalam Lampiran secara terbuka dan melaksanakan seleksi administrasi;\n' +
            'c. melaksanakan uji kompetensi, wawancara, dan penelusuran rekam jejak secara objektif berdasarkan ' +
            'sistem merit;\n' +
            `d. menyampaikan 3 (tiga) nama terbaik untuk setiap jabatan beserta ` +
            `peringkat dan nilainya kepada ${input.ppkTitle}; dan\n` +
            `e. melaporkan pelaksanaan seluruh tahapan seleksi kepada ${input.ppkTitle}.`,
          'Anggota Panitia Seleksi wajib bersikap netral, menjaga kerahasiaan hasil penilaian, dan menyatakan ' +
            'setiap benturan kepentingan dengan peserta seleksi; anggota yang memiliki benturan kepentingan tidak ' +
            'menilai peserta yang bersangkutan.',
          `Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini dibebankan pada anggaran ` +
            `${input.agency.name} sesuai dengan ketentuan peraturan perundang-undangan.`,
          'Keputusan ini mulai berlaku pada tanggal ditetapkan.',
        ],
      };
      tables.push({
        caption: 'Susunan Keanggotaan Panitia Seleksi',
        columns: [
          { header: 'No', width: 0.5, align: 'center' },
          { header: 'Nama', width: 3 },
          { header: 'Unsur', width: 1.2 },
          { header: 'Kedudukan', width: 1.2 },
          { header: 'Instansi', width: 3 },
        ],
        rows: state.pansel.map((m, i) => [
          String(i + 1),
          m.name,
          m.internal ? 'Internal' : 'Eksternal',
          m.role === 'CHAIR' ? 'Ketua' : m.role === 'SECRETARY' ? 'Sekretaris' : 'Anggota',
          m.institution,
        ]),
      });
      tables.push(vacancyTable);
      copies = [OVERSEER_HEAD[rules.overseer.era], 'Ketua dan Anggota Panitia Seleksi'];
      break;
    }

    case 'EXTENSION_NOTICE':
      paragraphs.push(
        `${intro}, jumlah pelamar pada jabatan berikut belum memenuhi batas minimal ${rules.minApplicantsPerVacancy} orang.`,
        `Pendaftaran untuk jabatan tersebut diperpanjang (perpanjangan ke-${spec.extra.round ?? 1}) sampai dengan ` +
          `tanggal ${spec.extra.closesOn ?? '-'} pukul 23.59 waktu setempat.`,
      );
      if (spec.extra.provisional) paragraphs.push(PROVISIONAL_CALENDAR_NOTE);
      tables.push(vacancyTable);
      break;

    case 'VACANCY_CANCELLATION': {
      const outcome =
        spec.extra.outcome === 'CANCEL'
          ? 'dibatalkan'
          : spec.extra.outcome === 'SWITCH_ROUTE'
            ? 'dialihkan ke mekanisme pengisian lain (manajemen talenta)'
            : 'akan diumumkan ulang';
      const why =
        spec.extra.why === 'TOO_FEW_QUALIFIED'
          ? 'jumlah peserta yang memenuhi syarat kurang dari 3 (tiga) orang'
          : 'jumlah pelamar tidak memenuhi batas minimal setelah perpanjangan pendaftaran';
      paragraphs.push(
        `${intro}, karena ${why}, Panitia Seleksi memutuskan bahwa pengisian jabatan berikut ${outcome}.`,
        `Pertimbangan: ${spec.extra.reason ?? '-'}`,
      );
      tables.push(vacancyTable);
      break;
    }

    case 'ADMINISTRATIVE_RESULT_MINUTES':
    case 'ADMINISTRATIVE_RESULT_ANNOUNCEMENT': {
      const minutes = spec.kind === 'ADMINISTRATIVE_RESULT_MINUTES';
      paragraphs.push(
        minutes
          ? `${intro}, Panitia Seleksi telah melaksanakan seleksi administrasi terhadap seluruh pelamar berdasarkan ` +
              `persyaratan yang diumumkan (aturan ${rules.eligibility.version}), dengan hasil sebagai berikut.`
          : `${intro}, diumumkan hasil seleksi administrasi sebagai berikut. Peserta yang dinyatakan Memenuhi Syarat (MS) ` +
              'mengikuti tahap uji kompetensi sesuai jadwal yang akan diumumkan.',
      );
      for (const v of vacancies) {
        const rows = apps
          .filter((a) => a.vacancyId === v.id && !a.withdrawn)
          .sort((x, y) => nameOf(x.candidateId).localeCompare(nameOf(y.candidateId), 'id'))
          .map((a, i) => {
            const result = a.eligible === true ? 'MS' : a.eligible === false ? 'TMS' : '-';
            const row = [
              String(i + 1),
              nameOf(a.candidateId),
              minutes ? nipOf(a.candidateId) : maskNip(nipOf(a.candidateId)),
              result,
            ];
            if (minutes)
              row.push(a.eligible === false ? a.failedRequirements.join('; ') || 'Ditetapkan Panitia Seleksi' : '-');
            return row;
          });
        tables.push({
          caption: position(v),
          columns: [
            { header: 'No', width: 0.5, align: 'center' },
            { header: 'Nama', width: 2.5 },
            { header: 'NIP', width: 2 },
            { header: 'Hasil', width: 0.8, align: 'center' },
            ...(minutes ? [{ header: 'Keterangan', width: 3.5 }] : []),
          ],
          rows,
        });
      }
      closing.push(
        `Peserta dapat mengajukan sanggahan dalam ${rules.objections.workingDays} hari kerja sejak pengumuman ini ` +
          'melalui portal Seleksi JPT. Keputusan Panitia Seleksi atas sanggahan bersifat final.',
      );
      break;
    }

    case 'SCORE_SHEET':
    case 'FINAL_RESULT_MINUTES':
    case 'REPORT_TO_PPK': {
      if (spec.kind === 'REPORT_TO_PPK') {
        recipient = [
          `Yth. ${input.ppkTitle}`,
          ...(vacancies.some((v) => v.level === 'PRATAMA')
            ? ['melalui Sekretaris Daerah selaku Pejabat yang Berwenang']
            : []),
          'di tempat',
        ];
        subject = 'Penyampaian hasil seleksi terbuka JPT';
        paragraphs.push(
          `${intro}, bersama ini Panitia Seleksi menyampaikan 3 (tiga) nama terbaik untuk setiap jabatan beserta ` +
            'peringkat dan nilainya, untuk dipilih 1 (satu) orang sesuai ketentuan peraturan perundang-undangan.',
        );
      } else {
        paragraphs.push(
          spec.kind === 'FINAL_RESULT_MINUTES'
            ? `${intro}, Panitia Seleksi dalam sidang pleno menetapkan peringkat akhir dan 3 (tiga) nama terbaik untuk setiap jabatan.`
            : `${intro}, berikut rekapitulasi nilai seluruh peserta yang mengikuti tahap penilaian.`,
        );
      }
      paragraphs.push(
        weightsLine,
        'Urutan penentuan peringkat bila nilai akhir sama: nilai wawancara, nilai uji kompetensi, waktu pendaftaran ' +
          'lebih awal, kemudian nomor lamaran.',
      );
      for (const v of vacancies) {
        const vs = state.vacancies.find((x) => x.id === v.id);
        const ranking = vs?.ranking ?? [];
        const rows = ranking
          .filter((r) => spec.kind !== 'REPORT_TO_PPK' || r.shortlisted)
          .map((r, i) => {
            const a = apps.find((x) => x.applicationId === r.applicationId);
            return [
              r.rank === null ? '-' : String(r.rank),
              a ? nameOf(a.candidateId) : r.applicationId,
              fmt(a?.assessment?.score),
              fmt(a?.assessment?.paper),
              fmt(a?.assessment?.presentation),
              fmt(a?.interviewScore),
              fmt(a?.trackRecord?.score),
              fmt(r.total),
              r.shortlisted ? '3 terbaik' : r.note || (i < 0 ? '' : '-'),
            ];
          });
        tables.push({
          caption: position(v),
          columns: [
            { header: 'Peringkat', width: 0.8, align: 'center' },
            { header: 'Nama', width: 2.5 },
            { header: 'Asesmen', width: 0.9, align: 'right' },
            { header: 'Makalah', width: 0.9, align: 'right' },
            { header: 'Presentasi', width: 0.9, align: 'right' },
            { header: 'Wawancara', width: 0.9, align: 'right' },
            { header: 'Rekam Jejak', width: 0.9, align: 'right' },
            { header: 'Nilai Akhir', width: 0.9, align: 'right' },
            { header: 'Keterangan', width: 2 },
          ],
          rows,
        });
      }
      break;
    }

    case 'FINAL_RESULT_ANNOUNCEMENT':
      paragraphs.push(
        `${intro}, Panitia Seleksi mengumumkan 3 (tiga) nama terbaik untuk setiap jabatan (disusun menurut abjad) ` +
          'yang akan disampaikan kepada Pejabat Pembina Kepegawaian.',
      );
      for (const v of vacancies) {
        const vs = state.vacancies.find((x) => x.id === v.id);
        const listed = (vs?.shortlist ?? [])
          .map((id) => apps.find((a) => a.applicationId === id))
          .flatMap((a) => (a ? [a] : []))
          .sort((x, y) => nameOf(x.candidateId).localeCompare(nameOf(y.candidateId), 'id'));
        tables.push({
          caption: position(v),
          columns: [
            { header: 'No', width: 0.5, align: 'center' },
            { header: 'Nama', width: 3 },
            { header: 'NIP', width: 2 },
          ],
          rows: listed.map((a, i) => [String(i + 1), nameOf(a.candidateId), maskNip(nipOf(a.candidateId))]),
        });
      }
      closing.push(
        `Peserta dapat mengajukan sanggahan dalam ${rules.objections.workingDays} hari kerja sejak pengumuman ini melalui portal Seleksi JPT.`,
      );
      break;

    case 'LETTER_TO_OVERSEER': {
      recipient = [`Yth. Pimpinan ${overseer}`, 'di Jakarta'];
      const what = spec.extra.subject;
      subject =
        what === 'PLAN'
          ? 'Permohonan persetujuan rencana seleksi terbuka JPT'
          : what === 'EXTENSION'
            ? 'Pemberitahuan perpanjangan pendaftaran seleksi terbuka JPT'
            : 'Permohonan rekomendasi hasil seleksi terbuka JPT';
      if (spec.extra.escalation) {
        subject = `Pengingat ke-${spec.extra.escalation}: ${subject}`;
        paragraphs.push(
          'Menindaklanjuti surat kami sebelumnya, sampai dengan batas waktu yang ditentukan kami belum menerima ' +
            `keputusan ${overseer}. Dengan hormat kami mohon keputusan dapat segera disampaikan.`,
        );
      }
      paragraphs.push(
        what === 'PLAN'
          ? `${intro}, bersama ini kami sampaikan rencana seleksi terbuka (jadwal, persyaratan, panitia seleksi, dan bobot penilaian) untuk mendapatkan persetujuan.`
          : what === 'EXTENSION'
            ? `${intro}, kami beritahukan bahwa pendaftaran untuk jabatan berikut diperpanjang sampai dengan ${spec.extra.closesOn ?? '-'} karena jumlah pelamar belum memenuhi.`
            : `${intro}, bersama ini kami sampaikan hasil seleksi berupa 3 (tiga) nama terbaik untuk setiap jabatan guna mendapatkan rekomendasi.`,
        weightsLine,
      );
      tables.push(vacancyTable);
      break;
    }

    case 'OVERSEER_RECOMMENDATION':
      paragraphs.push(
        `${intro}, ${overseer} telah menyampaikan keputusan atas hasil seleksi: ` +
          `${spec.extra.verdict === 'APPROVE' ? 'memberikan rekomendasi' : spec.extra.verdict === 'REJECT' ? 'tidak memberikan rekomendasi' : 'meminta perbaikan tahapan seleksi'}.`,
        `Nomor surat: ${spec.extra.reference || '-'}. Pertimbangan: ${spec.extra.reason ?? '-'}`,
      );
      tables.push(vacancyTable);
      break;

    case 'APPOINTMENT_DECREE': {
      signatory = ppkSignatory;
      const a = apps[0];
      const v = vacancies[0];
      const keppres = spec.extra.presidentialDecree;
      const jpt = jptPhrase(v ? [v.level] : []);
      const appointee = a ? `${nameOf(a.candidateId)}, NIP ${groupNip(nipOf(a.candidateId))}` : '-';
      title = `Pengangkatan dalam ${jpt} di Lingkungan ${input.agency.name}`;
      decree = {
        considering: decreeConsiderations(
          [
            `bahwa untuk mengisi jabatan ${v?.position ?? '-'} pada ${v?.unit ?? '-'} telah dilaksanakan ` +
              `${input.title} secara terbuka dan kompetitif, dan Panitia Seleksi telah menyampaikan ` +
              `3 (tiga) nama terbaik kepada ${input.ppkTitle}`,
            `bahwa ${overseer} telah memberikan ${OVERSEER_ACT[rules.overseer.era]} atas hasil seleksi ` +
              'sebagaimana dimaksud dalam huruf a',
            ...(keppres
              ? [`bahwa Presiden telah menetapkan pengangkatan dengan Keputusan Presiden Nomor ${keppres}`]
              : []),
          ],
          input.ppkTitle,
          title,
        ),
        legalBasis: legalBasisFor('APPOINTMENT_DECREE', rules),
        decisions: [
          `Mengangkat Saudara ${appointee}, dalam jabatan ${v?.position ?? '-'} (${jpt}) pada ${v?.unit ?? '-'} ` +
            `di Lingkungan ${input.agency.name}.`,
          ...APPOINTMENT_CLOSING_DICTUMS,
        ],
      };
      copies = [
        OVERSEER_HEAD[rules.overseer.era],
        ...(rules.overseer.era === 'BKN' ? [] : [OVERSEER_HEAD.BKN]),
        'Yang bersangkutan',
      ];
      break;
    }

    case 'INAUGURATION_MINUTES': {
      const a = apps[0];
      const v = vacancies[0];
      paragraphs.push(
        `Pada tanggal ${spec.extra.date ?? '-'} bertempat di ${spec.extra.place ?? '-'}, telah dilantik ` +
          `${a ? nameOf(a.candidateId) : '-'} (NIP ${a ? nipOf(a.candidateId) : '-'}) dalam jabatan ${v ? position(v) : '-'}.`,
      );
      signatory = ppkSignatory;
      break;
    }

    case 'COMPLETION_REPORT': {
      recipient = [`Yth. Pimpinan ${overseer}`, 'di Jakarta'];
      subject = 'Laporan pelaksanaan seleksi terbuka JPT';
      paragraphs.push(`${intro}, bersama ini kami laporkan hasil pengisian jabatan sebagai berikut.`);
      tables.push({
        caption: 'Hasil pengisian jabatan',
        columns: [
          { header: 'No', width: 0.5, align: 'center' },
          { header: 'Jabatan', width: 3 },
          { header: 'Hasil', width: 3 },
        ],
        rows: vacancies.map((v, i) => {
          const vs = state.vacancies.find((x) => x.id === v.id);
          const appointed = apps.find((a) => a.applicationId === vs?.appointedApplicationId);
          const result = appointed
            ? `${nameOf(appointed.candidateId)}, dilantik ${vs?.inaugurationDate ?? '-'}`
            : vs?.outcome === 'CANCEL'
              ? 'Dibatalkan'
              : vs?.outcome === 'SWITCH_ROUTE'
                ? 'Dialihkan ke manajemen talenta'
                : vs?.outcome === 'REANNOUNCE'
                  ? 'Diumumkan ulang'
                  : '-';
          return [String(i + 1), position(v), result];
        }),
      });
      break;
    }
  }

  const visibility: DocumentVisibility = PUBLIC_KINDS.has(spec.kind) ? 'PUBLIC' : 'RESTRICTED';
  return {
    idempotencyKey: spec.key,
    kind: spec.kind,
    agency: input.agency,
    selectionId: input.selectionId,
    title: input.simulation ? `[SIMULASI] ${title}` : title,
    subject,
    date: spec.date,
    visibility,
    recipient,
    paragraphs,
    tables,
    closing,
    signatory,
    decree,
    copies,
  };
}

/** Public lists show the NIP partly: enough to tell namesakes apart, not the birth date. */
function maskNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${'*'.repeat(8)}${nip.slice(8, 14)}****` : nip;
}
