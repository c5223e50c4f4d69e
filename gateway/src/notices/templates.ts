/** The mails, in Bahasa Indonesia: plain text and a simple HTML version of the same paragraphs. */
import {
  DAY_NAMES_ID,
  dayOfWeek,
  formatDateTimeId,
  formatLocalDateId,
  localDateOf,
  REANNOUNCED_TITLE_PREFIX,
  type AgencyTimeZone,
  type NoticeContent,
  type NoticeKind,
} from '@seleksi/domain';
import { formatInstantId } from '../apply';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  kind: NoticeKind;
  content: NoticeContent;
  /** "Yth. <name>," — the account's display name, or a general greeting for several recipients. */
  greetingName: string;
  portalUrl: string;
}

const STATUS_TEXT: Record<string, string> = {
  ELIGIBLE: 'Memenuhi Syarat (MS)',
  NOT_ELIGIBLE: 'Tidak Memenuhi Syarat (TMS)',
  SHORTLISTED: 'masuk daftar calon terbaik yang diusulkan kepada Pejabat Pembina Kepegawaian',
  NOT_SHORTLISTED: 'tidak masuk daftar calon terbaik yang diusulkan kepada Pejabat Pembina Kepegawaian',
};

/** "Senin, 14 Desember 2026 pukul 08.30 WITA": an appointment's time, to the minute, with its zone. */
export function formatAppointmentId(iso: string, tz: AgencyTimeZone): string {
  return `${DAY_NAMES_ID[dayOfWeek(localDateOf(iso, tz))]}, ${formatDateTimeId(iso, tz)}`;
}

/** What a candidate brings to each in-person stage (the secretariat's notes come on top). */
const TO_BRING: Record<'ASSESSMENT' | 'INTERVIEW', string[]> = {
  ASSESSMENT: [
    'Kartu identitas (KTP) atau kartu pegawai yang masih berlaku',
    'Surel undangan ini (dicetak atau ditunjukkan di ponsel)',
    'Alat tulis',
  ],
  INTERVIEW: [
    'Kartu identitas (KTP) atau kartu pegawai yang masih berlaku',
    'Surel undangan ini (dicetak atau ditunjukkan di ponsel)',
    'Makalah atau bahan paparan, bila diminta panitia seleksi',
  ],
};

/** A paragraph, or a list of items (rendered as lines starting with "- " / an HTML list). */
type Block = string | { items: string[] };

function body(ctx: MailContext): { subject: string; blocks: Block[] } {
  const c = ctx.content;
  const when = (iso: string): string => formatInstantId(new Date(iso), c.timeZone);
  const round = `${c.selectionTitle} (${c.agencyName})`;
  const post = c.position ? `jabatan ${c.position} pada ${round}` : round;
  switch (ctx.kind) {
    case 'APPLICATION_RECEIVED':
      return {
        subject: `Lamaran diterima: ${c.position ?? c.selectionTitle}`,
        blocks: [
          `Lamaran Anda untuk ${post} telah diterima server pada ${when(c.at)}.`,
          'Simpan surel ini sebagai bukti waktu penerimaan lamaran. Tahapan berikutnya adalah seleksi administrasi setelah pendaftaran ditutup.',
        ],
      };
    case 'SCREENING_RESULT': {
      const eligible = c.status === 'ELIGIBLE';
      return {
        subject: `Hasil seleksi administrasi: ${eligible ? 'MS' : 'TMS'} — ${c.position ?? c.selectionTitle}`,
        blocks: [
          `Hasil seleksi administrasi untuk ${post} telah diumumkan. Hasil Anda: ${STATUS_TEXT[c.status ?? ''] ?? c.status}.`,
          ...(c.reasons.length > 0 ? [eligible ? 'Catatan panitia seleksi:' : 'Alasan:', { items: c.reasons }] : []),
          eligible
            ? 'Informasi jadwal tahap berikutnya akan disampaikan melalui portal dan surel.'
            : 'Bila Anda keberatan atas hasil ini, Anda dapat mengajukan sanggah melalui portal selama masa sanggah.',
        ],
      };
    }
    case 'OBJECTION_WINDOW_OPEN':
      return {
        subject: `Masa sanggah dibuka: ${c.selectionTitle}`,
        blocks: [
          `Pengumuman hasil pada ${round} telah diterbitkan dan masa sanggah dibuka.`,
          c.deadline
            ? `Sanggah dapat diajukan melalui portal sampai ${when(c.deadline)}.`
            : 'Sanggah dapat diajukan melalui portal selama masa sanggah.',
        ],
      };
    case 'OBJECTION_WINDOW_CLOSED':
      return {
        subject: `Masa sanggah ditutup: ${c.selectionTitle}`,
        blocks: [`Masa sanggah pada ${round} telah ditutup pada ${when(c.at)}.`],
      };
    case 'FINAL_RESULT':
      return {
        subject: `Hasil akhir seleksi: ${c.position ?? c.selectionTitle}`,
        blocks: [`Hasil akhir seleksi untuk ${post}: Anda ${STATUS_TEXT[c.status ?? ''] ?? c.status}.`],
      };
    case 'WITHDRAWAL_CONFIRMED':
      return {
        subject: `Pengunduran diri dikonfirmasi: ${c.position ?? c.selectionTitle}`,
        blocks: [
          `Pengunduran diri Anda dari ${post} telah dicatat pada ${when(c.at)}.`,
          'Lamaran ini tidak lagi diproses. Bila Anda tidak merasa mengundurkan diri, segera hubungi sekretariat panitia seleksi.',
        ],
      };
    case 'DECISION_WAITING':
      return decisionWaiting(c, round, when);
    case 'STAGE_INVITATION':
    case 'SCHEDULE_CHANGED': {
      const which = c.reasonCode.startsWith('INTERVIEW') ? 'INTERVIEW' : 'ASSESSMENT';
      const name = which === 'INTERVIEW' ? 'wawancara' : 'uji kompetensi';
      const s = c.schedule;
      const changed = ctx.kind === 'SCHEDULE_CHANGED';
      return {
        subject: `${changed ? 'Perubahan jadwal' : 'Undangan'} ${name}: ${c.position ?? c.selectionTitle}`,
        blocks: [
          changed
            ? `Jadwal ${name} untuk ${post} diubah. Jadwal sebelumnya tidak berlaku lagi; jadwal yang berlaku:`
            : `Anda diundang mengikuti ${name} untuk ${post}, dengan jadwal:`,
          {
            items: [
              `Waktu: ${s ? formatAppointmentId(s.startsAt, c.timeZone) : '-'}`,
              `Tempat: ${s?.place ?? '-'}`,
              ...(s?.notes ? [`Catatan sekretariat: ${s.notes}`] : []),
            ],
          },
          'Harap membawa:',
          { items: TO_BRING[which] },
          'Hadir paling lambat 30 menit sebelum waktu yang ditentukan. Peserta yang tidak hadir tanpa pemberitahuan dapat dinyatakan gugur.',
        ],
      };
    }
    case 'TALENT_INVITATION':
      return {
        subject: `Undangan melamar: ${c.position ?? c.selectionTitle}`,
        blocks: [
          c.selectionTitle.startsWith(REANNOUNCED_TITLE_PREFIX)
            ? `Jabatan yang pernah Anda lamar diumumkan ulang dalam seleksi baru; Anda diundang melamar ${post} kembali.`
            : `Berdasarkan manajemen talenta instansi, Anda diundang melamar ${post}.`,
          ...(c.reasons.length > 0 ? ['Keterangan:', { items: c.reasons }] : []),
          c.deadline
            ? `Lamaran dapat diajukan melalui portal sampai ${when(c.deadline)}.`
            : 'Lamaran dapat diajukan melalui portal selama pendaftaran dibuka.',
          'Undangan ini juga tercantum pada menu Undangan di portal.',
        ],
      };
    case 'DEADLINE_ESCALATION':
      return escalation(c, round, when);
    case 'DECISION_REMINDER': {
      const waiting = decisionWaiting(c, round, when);
      const by = c.deadline ? when(c.deadline) : 'batas waktu';
      return {
        subject: `Pengingat: ${waiting.subject}`,
        blocks: [
          `Pengingat: batas waktu keputusan Anda pada ${round} berakhir ${by}.`,
          ...(c.reasonCode === 'OVERSEER_REVIEW_STARTED'
            ? ['Bila sampai batas waktu tersebut tidak ada tanggapan, hasil seleksi dianggap disetujui.']
            : []),
          ...waiting.blocks.slice(0, 1),
        ],
      };
    }
    case 'PROFILE_DISPUTE_DECIDED':
      return profileDisputeDecided(c, when);
    case 'ELECTION_REPORT_DUE': {
      const r = c.electionReport;
      return {
        subject: `Wajib lapor ke Menteri Dalam Negeri: pengangkatan ${c.position ?? c.selectionTitle} (${c.agencyName})`,
        blocks: [
          `Pengangkatan dalam ${c.position ?? 'jabatan pimpinan tinggi'} pada ${c.agencyName} dilakukan pada ${r ? formatLocalDateId(r.actedOn) : '-'}, dalam masa pilkada (${r?.window ?? '-'}), dengan izin tertulis Menteri Dalam Negeri nomor ${r?.letterNumber ?? '-'}.`,
          `Sesuai UU 10/2016 Pasal 71 dan 162, pengangkatan tersebut wajib dilaporkan kepada Menteri Dalam Negeri paling lambat ${r ? formatLocalDateId(r.dueOn) : '7 hari kerja'}.`,
          'Setelah laporan dikirim, catat nomor dan tanggal suratnya pada menu Masa Pilkada di portal.',
        ],
      };
    }
  }
}

function profileDisputeDecided(c: NoticeContent, when: (iso: string) => string) {
  const d = c.profileDispute;
  const accepted = d?.outcome === 'ACCEPTED';
  const fields = d?.fields ?? [];
  return {
    subject: `Sanggahan profil ASN ${accepted ? 'diterima' : 'ditolak'}`,
    blocks: [
      accepted
        ? `Sanggahan Anda atas data profil ASN telah diterima oleh ${c.agencyName} pada ${when(c.at)}. Data berikut telah diperbaiki:`
        : `Sanggahan Anda atas data profil ASN telah ditolak oleh ${c.agencyName} pada ${when(c.at)}. Data yang disanggah:`,
      ...(fields.length > 0 ? [{ items: fields }] : []),
      ...(d?.reason ? [`${accepted ? 'Catatan' : 'Alasan'}: ${d.reason}`] : []),
      accepted
        ? 'Periksa kembali profil Anda di portal (menu Profil saya), lalu konfirmasi bila data sudah sesuai.'
        : 'Bila Anda memiliki dokumen pendukung baru, Anda dapat mengajukan sanggahan kembali melalui menu Profil saya.',
    ],
  };
}

function escalation(c: NoticeContent, round: string, when: (iso: string) => string) {
  const what = c.stage === 'PLAN_APPROVAL' ? 'rencana seleksi' : 'hasil seleksi';
  switch (c.reasonCode) {
    case 'OVERSEER_APPROVED_BY_SILENCE':
      return {
        subject: `Dianggap disetujui: ${what} ${c.selectionTitle}`,
        blocks: [
          `Lembaga pengawas tidak memberikan keputusan atas ${what} ${round} sampai batas waktu.`,
          `Sesuai ketentuan, ${what} dianggap disetujui sejak ${when(c.at)}.`,
          c.stage === 'PLAN_APPROVAL'
            ? 'Tahapan berikutnya (pengumuman dan pendaftaran) berjalan sesuai jadwal.'
            : 'Pejabat Pembina Kepegawaian dapat menetapkan 1 (satu) dari 3 (tiga) nama.',
        ],
      };
    case 'OVERSEER_ESCALATED':
      return {
        subject: `Batas waktu lembaga pengawas terlampaui: ${c.selectionTitle}`,
        blocks: [
          `Lembaga pengawas belum memberikan keputusan atas ${what} ${round} sampai batas waktu; surat eskalasi telah diterbitkan pada ${when(c.at)}.`,
          ...(c.deadline ? [`Batas waktu berikutnya: ${when(c.deadline)}.`] : []),
        ],
      };
    default:
      return {
        subject: `Keputusan PPK belum ditetapkan: ${c.selectionTitle}`,
        blocks: [
          `Pejabat Pembina Kepegawaian belum menetapkan 1 (satu) dari 3 (tiga) nama pada ${round}, melewati batas waktu layanan instansi sejak diminta pada ${when(c.at)}.`,
          'Mohon ditindaklanjuti bersama Pejabat Pembina Kepegawaian.',
        ],
      };
  }
}

function decisionWaiting(c: NoticeContent, round: string, when: (iso: string) => string) {
  const by = c.deadline ? when(c.deadline) : null;
  switch (c.reasonCode) {
    case 'PLAN_SUBMITTED':
      return {
        subject: `Menunggu persetujuan Anda: rencana ${c.selectionTitle}`,
        blocks: [
          `Rencana seleksi ${round} telah diajukan dan menunggu persetujuan Anda.`,
          ...(by ? [`Batas waktu: ${by}.`] : []),
        ],
      };
    case 'OVERSEER_REVIEW_STARTED':
      return {
        subject: `Menunggu rekomendasi Anda: ${c.selectionTitle}`,
        blocks: [
          `Hasil ${round} telah dilaporkan dan menunggu rekomendasi Anda.`,
          by
            ? `Bila sampai ${by} tidak ada tanggapan, hasil seleksi dianggap disetujui.`
            : 'Bila tidak ada tanggapan dalam batas waktu, hasil seleksi dianggap disetujui.',
        ],
      };
    case 'APPOINTMENT_CHOICE_STARTED':
      return {
        subject: `Menunggu pilihan Anda: ${c.selectionTitle}`,
        blocks: [`Calon pada ${round} menunggu pilihan Anda untuk diangkat.`, ...(by ? [`Batas waktu: ${by}.`] : [])],
      };
    default:
      return {
        subject: `Menunggu keputusan Anda: ${c.selectionTitle}`,
        blocks: [
          `Hasil ${round} telah dilaporkan kepada Anda dan menunggu keputusan Anda.`,
          ...(by ? [`Batas waktu: ${by}.`] : []),
        ],
      };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderMail(ctx: MailContext): RenderedMail {
  const { subject, blocks } = body(ctx);
  return layout(subject, [
    `Yth. ${ctx.greetingName},`,
    ...blocks,
    `Rincian dan tahapan berikutnya dapat Anda lihat di portal: ${ctx.portalUrl}`,
  ]);
}

/** An account's one-time link (gateway/src/auth): an invitation to set a password, or a password reset. */
export interface AccountLinkMail {
  kind: 'INVITATION' | 'PASSWORD_RESET';
  displayName: string;
  link: string;
  expiresAt: Date;
}

export function renderAccountLinkMail(m: AccountLinkMail): RenderedMail {
  // Accounts may be national: the expiry is stated in WIB, the capital's time.
  const until = formatInstantId(m.expiresAt, 'WIB');
  return m.kind === 'INVITATION'
    ? layout('Undangan akun Seleksi JPT', [
        `Yth. ${m.displayName},`,
        'Anda diundang menggunakan sistem Seleksi JPT. Buat kata sandi Anda melalui tautan berikut (sekali pakai):',
        m.link,
        `Tautan berlaku sampai ${until}. Bila kedaluwarsa, mintalah undangan baru kepada administrator.`,
      ])
    : layout('Atur ulang kata sandi Seleksi JPT', [
        `Yth. ${m.displayName},`,
        'Kami menerima permintaan mengatur ulang kata sandi akun Anda. Buat kata sandi baru melalui tautan berikut (sekali pakai):',
        m.link,
        `Tautan berlaku sampai ${until}. Abaikan surel ini bila Anda tidak memintanya; kata sandi Anda tetap.`,
      ]);
}

function layout(subject: string, blocks: Block[]): RenderedMail {
  const all: Block[] = [
    ...blocks,
    'Surel ini dikirim otomatis oleh sistem Seleksi JPT; mohon tidak membalas surel ini.',
  ];
  const text = all.map((b) => (typeof b === 'string' ? b : b.items.map((i) => `- ${i}`).join('\n'))).join('\n\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family: sans-serif; line-height: 1.5">',
    ...all.map((b) =>
      typeof b === 'string'
        ? `<p>${escapeHtml(b)}</p>`
        : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    ),
    '</body></html>',
  ].join('\n');
  return { subject, text: text + '\n', html };
}
