import { head } from '../../src/demo/replay-2011.data';
import { SOURCE_2011_TOTALS } from '../../src/modules/reports/demo-2011-reports';
import { describeInBrowser, seriousAccessibilityViolations } from './browser';
import { closeYearInConsole } from './year-2011/close.console';
import { handOverFlagInConsole } from './year-2011/flag.console';
import { holdMeetingInConsole } from './year-2011/meeting.console';
import { sealPledgeInConsole } from './year-2011/pledge.console';
import { checkRegistryInConsole } from './year-2011/registry.console';
import { totalReportsInConsole } from './year-2011/reports.console';
import { adoptRulesInConsole } from './year-2011/rules.console';
import { adoptScoringInConsole } from './year-2011/scoring.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

const MINUTES = 60_000;

/**
 * Issue 16's walk: the 2011 year of the source run by the secretariat through the console alone —
 * the API only for what the administrator, the units and the delegates do (src/demo's replay).
 * Each chapter is a console step of its area (test/web/year-2011/*.console.ts), refusals included;
 * the registry's, the rules' and the year screen's own specs show more of their screens.
 */
describeInBrowser('the 2011 year, run by the secretariat in the console', () => {
  let year: Year2011;

  beforeAll(async () => {
    year = await startYear2011();
  }, 10 * MINUTES);
  afterAll(async () => year?.close());

  it(
    'checks the registry, adopts the rules, seals the pledge, totals the reports, adopts the scores',
    async () => {
      await year.run('scoring', {
        registry: checkRegistryInConsole,
        rules: adoptRulesInConsole,
        pledge: sealPledgeInConsole,
        reports: totalReportsInConsole,
        scoring: adoptScoringInConsole,
      });
      expect(year.replay.outcome.totals).toEqual(expect.objectContaining(SOURCE_2011_TOTALS));
      expect(year.replay.outcome.pledgeBundle?.valid).toBe(true);
      expect(year.replay.outcome.ranking?.[0]).toEqual({ unitCode: 'son-la', total: '93.50', rank: 1 });
    },
    30 * MINUTES,
  );

  it(
    'holds the meeting: Lạng Sơn refused, the paper count entered twice, Sơn La elected and certified',
    async () => {
      await year.run('meeting', { meeting: holdMeetingInConsole });
      const r = year.replay;
      const leaderships = await r.client
        .as(head('lai-chau'))
        .call(
          (api) =>
            api.GET('/api/v1/clusters/{clusterId}/leaderships', { params: { path: { clusterId: r.ids.clusterId } } }),
          200,
        );
      expect(leaderships.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ termYear: 2012, role: 'leader', basis: 'election', unitId: r.ids.units['son-la'] }),
        ]),
      );
    },
    30 * MINUTES,
  );

  it(
    'hands the flag to Sơn La, closes the year, verifies the ledger and opens every record',
    async () => {
      await year.run('close', { flag: handOverFlagInConsole, close: closeYearInConsole });
      expect(year.replay.outcome.cyclePhase).toBe('closed');
      expect(year.replay.outcome.ledger?.valid).toBe(true);
      const page = await year.secretariat();
      await page.getByText(/^Sổ cái nguyên vẹn: cả [\d.]+ mục đều được tính lại khớp\.$/).waitFor();

      // Results, the pledge, the counting record(s) of the leader election, the flag's handover.
      const documents = year.replay.outcome.documents ?? [];
      for (const document of documents) expect(document.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(documents.map((document) => document.route)).toEqual(
        expect.arrayContaining([
          'console: Báo cáo kết quả kinh tế tập thể năm 2011',
          'console: Giao ước thi đua, phiên bản 1',
          expect.stringMatching(/^console: Biên bản kiểm phiếu: /),
          expect.stringMatching(/^console: Biên bản bàn giao cờ luân lưu: .+ → Liên minh Hợp tác xã tỉnh Sơn La$/),
        ]),
      );
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // The year screen now says the year is over and offers nothing that would change it.
      await page
        .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
        .getByRole('link', { name: 'Năm thi đua', exact: true })
        .click();
      await page.getByRole('heading', { level: 2, name: 'Năm 2011: giai đoạn Đã kết thúc' }).waitFor();
      expect(await page.getByRole('button', { name: 'Mở lại giai đoạn' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    30 * MINUTES,
  );
});
