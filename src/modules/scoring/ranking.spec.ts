import { applyDraw, drawKey, leadingUnitId, rankUnits, type UnitScore } from './ranking';
import { rankingCsv } from './ranking-csv';
import { toRankingRow } from './dto/ranking.dto';

const unit = (code: string, total: string, extra: Partial<UnitScore> = {}): UnitScore => ({
  unitId: `id-${code}`,
  unitCode: code,
  unitName: `Unit ${code}`,
  womenLed: false,
  criteria: total,
  bonus: '0.00',
  penalty: '0.00',
  total,
  groups: { A: total },
  finalTotal: total,
  ...extra,
});

const ALL = ['higher_final_score', 'women_led_unit', 'recorded_draw'] as const;

describe('rankUnits', () => {
  it('orders by total descending, exactly (hundredths, not floats)', () => {
    const { rows, tieBreaks, tiedGroups } = rankUnits(
      [unit('a', '0.30'), unit('b', '90.10'), unit('c', '90.09'), unit('d', '-1.00')],
      ALL,
    );
    expect(rows.map((r) => [r.unitCode, r.rank, r.tied])).toEqual([
      ['b', 1, false],
      ['c', 2, false],
      ['a', 3, false],
      ['d', 4, false],
    ]);
    expect(tieBreaks).toEqual([]);
    expect(tiedGroups).toEqual([]);
  });

  it('breaks an equal total by the final total at an earlier stage, then by women-led, in the rules order', () => {
    const scores = [
      unit('a', '80.00', { finalTotal: '70.00', womenLed: true }),
      unit('b', '80.00', { finalTotal: '75.00' }),
    ];
    expect(rankUnits(scores, ALL).rows.map((r) => r.unitCode)).toEqual(['b', 'a']);
    expect(rankUnits(scores, ALL).tieBreaks).toEqual(['higher_final_score']);
    const womenFirst = rankUnits(scores, ['women_led_unit', 'higher_final_score', 'recorded_draw']);
    expect(womenFirst.rows.map((r) => r.unitCode)).toEqual(['a', 'b']);
    expect(womenFirst.tieBreaks).toEqual(['women_led_unit']);
  });

  it('leaves units tied on everything before the draw sharing a rank, the next rank skipping', () => {
    const { rows, tiedGroups } = rankUnits(
      [unit('c', '50.00'), unit('b', '50.00'), unit('a', '60.00'), unit('d', '40.00'), unit('e', '40.00')],
      ALL,
    );
    expect(rows.map((r) => [r.unitCode, r.rank, r.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, true],
      ['e', 4, true],
    ]);
    expect(tiedGroups).toEqual([
      ['id-b', 'id-c'],
      ['id-d', 'id-e'],
    ]);
  });

  it('ignores the tie-breaks listed after the draw', () => {
    const scores = [unit('a', '80.00'), unit('b', '80.00', { womenLed: true })];
    expect(rankUnits(scores, ['recorded_draw', 'women_led_unit']).rows.every((r) => r.tied)).toBe(true);
    expect(rankUnits(scores, ['women_led_unit']).rows.map((r) => r.unitCode)).toEqual(['b', 'a']);
  });
});

describe('applyDraw', () => {
  it('orders each tied group by sha256(seed + unitId), reproducibly, and nothing stays tied', () => {
    const seed = 'ab'.repeat(32);
    const outcome = rankUnits([unit('a', '60.00'), unit('b', '50.00'), unit('c', '50.00'), unit('d', '50.00')], ALL);
    const drawn = applyDraw(outcome, seed);
    const expected = ['id-b', 'id-c', 'id-d'].sort((x, y) => drawKey(seed, x).localeCompare(drawKey(seed, y)));
    expect(drawn.rows.map((r) => r.unitId)).toEqual(['id-a', ...expected]);
    expect(drawn.rows.map((r) => [r.rank, r.tied])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(drawn.tieBreaks).toEqual(['recorded_draw']);
    expect(applyDraw(outcome, seed)).toEqual(drawn);
    expect(leadingUnitId(drawn.rows)).toBe('id-a');
  });

  it('names no leading unit while the top is tied', () => {
    const outcome = rankUnits([unit('a', '60.00'), unit('b', '60.00')], ['women_led_unit']);
    expect(leadingUnitId(outcome.rows)).toBeNull();
  });
});

describe('rankingCsv', () => {
  it('starts with the BOM, has Vietnamese headers and one column per group, quotes per RFC 4180', () => {
    const { rows } = rankUnits([unit('a', '60.50', { unitName: 'Liên minh "A", tỉnh X' })], ALL);
    const csv = rankingCsv({ groups: [{ code: 'A', name: 'Tổ chức, bộ máy' }], rows: rows.map(toRankingRow) });
    expect(csv).toBe(
      '\uFEFFHạng,Đơn vị,Tổng điểm,Điểm tiêu chí,Điểm thưởng,Điểm trừ,"Nhóm A: Tổ chức, bộ máy"\r\n' +
        '1,"Liên minh ""A"", tỉnh X",60.50,60.50,0.00,0.00,60.50\r\n',
    );
  });
});
