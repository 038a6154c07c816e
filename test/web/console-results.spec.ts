import { describeInBrowser } from './browser';
import { sealPledgeInConsole } from './year-2011/pledge.console';
import { totalReportsInConsole } from './year-2011/reports.console';
import { adoptScoringInConsole } from './year-2011/scoring.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * The clerk's middle of the 2011 year in the console (issue 16): the pledge sealed, the results
 * totalled, the scores adopted — the units' and reviewers' parts through the API as the replay does.
 * THIDUA_SCREENSHOTS=1 writes docs/screenshots/console-{pledges,reports,scoring}-*.png.
 */
describeInBrowser('the console: pledges, results reports and scoring', () => {
  let year: Year2011;
  beforeAll(async () => {
    year = await startYear2011();
  }, 600_000);
  afterAll(async () => year?.close());

  it('creates the pledge, refuses the seal while Lào Cai has not signed, shows it sealed', async () => {
    await year.run('pledge', { pledge: sealPledgeInConsole });
    expect(year.replay.outcome.pledgeBundle?.valid).toBe(true);
  }, 600_000);

  it("follows each unit's report (one returned) and totals the year exactly as the source", async () => {
    await year.run('reports', { reports: totalReportsInConsole });
    expect(year.replay.outcome.totals?.charterCapitalVnd).toBe('1269500000000');
  }, 600_000);

  it('opens the period, refuses adoption before every sheet is in, assigns reviewers, fixes a final, adopts', async () => {
    await year.run('scoring', { scoring: adoptScoringInConsole });
    expect(year.replay.outcome.ranking?.[0]).toEqual({ unitCode: 'son-la', total: '93.50', rank: 1 });
  }, 600_000);
});
