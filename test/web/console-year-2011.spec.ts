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
 * Issue 16's walk: the 2011 year of the source run by the secretariat through the console alone,
 * chapter after chapter on ONE year — the API only for what the administrator, the units and the
 * delegates do (src/demo's replay). One test per chapter, so a failure names its chapter; a chapter
 * that failed is not run again by the next test, which then fails on the state it finds.
 * THIDUA_SCREENSHOTS=1 writes the console's screenshots in docs/screenshots/.
 */
describeInBrowser('the 2011 year, run by the secretariat in the console', () => {
  let year: Year2011;
  beforeAll(async () => {
    year = await startYear2011();
  }, 5 * MINUTES);
  afterAll(async () => year?.close());

  it(
    'registry: the seven provincial alliances are current members, a unit shows its people',
    async () => {
      await year.run('registry', { registry: checkRegistryInConsole });
      expect(Object.keys(year.replay.ids.units)).toHaveLength(7);
    },
    5 * MINUTES,
  );

  it(
    'rules: drafted from the defaults, proposed, adopted k of n, applied to 2011',
    async () => {
      await year.run('rules', { rules: adoptRulesInConsole });
      expect(year.replay.ids.rulesVersionId).not.toBe('');
    },
    10 * MINUTES,
  );

  it(
    'pledge: the seal refused while Lào Cai has not signed, then sealed, its bundle valid',
    async () => {
      await year.run('pledge', { pledge: sealPledgeInConsole });
      expect(year.replay.outcome.pledgeBundle?.valid).toBe(true);
    },
    10 * MINUTES,
  );

  it(
    "reports: each unit's report followed (one returned), the year totalled exactly as the source",
    async () => {
      await year.run('reports', { reports: totalReportsInConsole });
      expect(year.replay.outcome.totals).toEqual(expect.objectContaining(SOURCE_2011_TOTALS));
    },
    10 * MINUTES,
  );

  it(
    'scoring: adoption refused before every sheet is in, reviewers assigned, a final fixed, adopted',
    async () => {
      await year.run('scoring', { scoring: adoptScoringInConsole });
      expect(year.replay.outcome.ranking?.[0]).toEqual({ unitCode: 'son-la', total: '93.50', rank: 1 });
    },
    10 * MINUTES,
  );

  it(
    'meeting: register and quorum, Lạng Sơn refused, the paper count entered twice, Sơn La elected, certified',
    async () => {
      await year.run('meeting', { meeting: holdMeetingInConsole });
      const leaderships = await year.replay.client.as('thuky1@thidua.local').call(
        (api) =>
          api.GET('/api/v1/clusters/{clusterId}/leaderships', {
            params: { path: { clusterId: year.replay.ids.clusterId }, query: { pageSize: 100 } },
          }),
        200,
      );
      const next = leaderships.items.find((l) => l.termYear === 2012 && l.role === 'leader');
      expect(next).toMatchObject({ unit: { code: 'son-la' }, basis: 'election' });
    },
    15 * MINUTES,
  );

  it(
    'flag: handed over to the elected leader, both signatures recorded',
    async () => {
      await year.run('flag', { flag: handOverFlagInConsole });
      const flag = await year.replay.client
        .as('thuky1@thidua.local')
        .call((api) => api.GET('/api/v1/flags/{id}', { params: { path: { id: year.replay.ids.flagId } } }), 200);
      expect(flag).toMatchObject({ custody: { custodian: { code: 'son-la' } }, openHandoverId: null });
    },
    10 * MINUTES,
  );

  it(
    'close: the year closed, the ledger verified, every record of the year opened',
    async () => {
      await year.run('close', { close: closeYearInConsole });
      const page = await year.secretariat();

      expect(year.replay.outcome.cyclePhase).toBe('closed');
      expect(year.replay.outcome.ledger?.valid).toBe(true);
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
      expect(documents.filter((document) => document.name.endsWith('.pdf'))).toHaveLength(documents.length);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // The year screen now says the year is over and offers nothing that would change it.
      await page
        .getByRole('navigation', { name: 'Các mục của bảng điều hành' })
        .getByRole('link', { name: 'Năm thi đua', exact: true })
        .click();
      await page.getByRole('heading', { level: 2, name: 'Năm 2011: giai đoạn Đã kết thúc' }).waitFor();
      await page
        .getByText('Năm thi đua đã kết thúc: không còn giai đoạn nào phía sau và không thay đổi được nữa.')
        .waitFor();
      expect(await page.getByRole('region', { name: 'Hạn các giai đoạn' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Mở lại giai đoạn' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    },
    10 * MINUTES,
  );
});
