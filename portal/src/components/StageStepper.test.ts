import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StageStepper, countdownText, type RouteStageRow } from './StageStepper';

const row = (
  stage: RouteStageRow['stage'],
  state: RouteStageRow['state'],
  more: Partial<RouteStageRow> = {},
): RouteStageRow => ({
  stage,
  state,
  actor: null,
  startedAt: null,
  endedAt: null,
  dueAt: null,
  expectedAt: null,
  workingDaysLeft: null,
  ...more,
});

const route: RouteStageRow[] = [
  row('PLANNED', 'DONE', { startedAt: '2026-12-01T01:00:00.000Z', endedAt: '2026-12-02T02:00:00.000Z' }),
  row('PLAN_APPROVAL', 'CURRENT', {
    actor: 'OVERSEER',
    startedAt: '2026-12-02T02:00:00.000Z',
    dueAt: '2026-12-09T15:59:59.999Z',
    workingDaysLeft: 5,
  }),
  row('REGISTRATION_OPEN', 'NEXT', { expectedAt: '2026-12-13T16:00:00.000Z', dueAt: '2026-12-28T15:59:59.999Z' }),
  row('COMPLETED', 'LATER'),
];

function items(html: string): string[] {
  return [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[0]);
}

describe('StageStepper', () => {
  const html = renderToStaticMarkup(createElement(StageStepper, { route, zone: 'WITA' }));

  it('is an ordered list with one step marked aria-current="step"', () => {
    expect(html).toMatch(/<ol class="stepper">/);
    expect(items(html)).toHaveLength(4);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(items(html)[1]).toContain('aria-current="step"');
  });

  it('writes each state in words (not colour only), with dates in the agency zone', () => {
    const [done, current, next, later] = items(html);
    expect(done).toContain('Selesai');
    expect(done).toContain('2 Desember 2026 pukul 10.00 WITA');
    expect(current).toContain('Tahap saat ini');
    expect(current).toContain('Persetujuan rencana oleh pengawas');
    expect(current).toContain('Menunggu: Lembaga pengawas');
    expect(current).toContain('Batas waktu 9 Desember 2026 pukul 23.59 WITA');
    expect(current).toContain('5 hari kerja lagi');
    expect(next).toContain('Berikutnya');
    expect(next).toContain('Diperkirakan mulai 14 Desember 2026 pukul 00.00 WITA');
    expect(later).toContain('Belum dimulai');
    expect(later).not.toContain('Menunggu');
  });

  it('counts down in working days', () => {
    expect(countdownText(5)).toBe('5 hari kerja lagi');
    expect(countdownText(0)).toBe('hari ini hari terakhir');
    expect(countdownText(-2)).toBe('lewat 2 hari kerja');
  });

  it('renders nothing without a route', () => {
    expect(renderToStaticMarkup(createElement(StageStepper, { route: [], zone: 'WIB' }))).toBe('');
  });
});
