import { DEMO_UNITS } from '../../database/demo-data';
import { demo2011ResultsFigures, SOURCE_2011_TOTALS } from './demo-2011-reports';
import { CHARTER_CAPITAL_PATTERN, sumFigures } from './results-figures';

describe('demo 2011 results reports', () => {
  const figures = demo2011ResultsFigures();

  it('has one report for each of the 7 demo units, and no other', () => {
    expect(Object.keys(figures).sort()).toEqual(DEMO_UNITS.map((unit) => unit.code).sort());
  });

  it("adds up exactly to the source's totals for 2011", () => {
    expect(sumFigures(Object.values(figures))).toEqual(SOURCE_2011_TOTALS);
    expect(SOURCE_2011_TOTALS.charterCapitalVnd).toBe('1269500000000'); // 1.269,5 tỷ đồng
    expect(SOURCE_2011_TOTALS.membersAndWorkers).toBeGreaterThan(54000); // "trên 54 nghìn"
    expect(SOURCE_2011_TOTALS.groupMembers).toBeGreaterThan(16000); // "hơn 16 nghìn"
  });

  it('is plausible per province: Sơn La and Lạng Sơn largest, Lai Châu smallest', () => {
    const bySize = Object.entries(figures)
      .sort(([, a], [, b]) => b.cooperatives - a.cooperatives)
      .map(([code]) => code);
    expect(bySize.slice(0, 2)).toEqual(['son-la', 'lang-son']);
    expect(bySize.at(-1)).toBe('lai-chau');
    for (const unit of Object.values(figures)) {
      expect(unit.charterCapitalVnd).toMatch(CHARTER_CAPITAL_PATTERN);
      expect(unit.groupMembers).toBeGreaterThanOrEqual(unit.cooperativeGroups);
      expect(unit.newCooperatives).toBeLessThan(unit.cooperatives);
    }
  });

  it('hands out copies, so a caller cannot change the demo data', () => {
    demo2011ResultsFigures()['son-la'].cooperatives = 0;
    expect(demo2011ResultsFigures()['son-la'].cooperatives).toBe(482);
  });
});
