import { SOURCE_2011_TOTALS } from '../../src/modules/reports/demo-2011-reports';
import { head } from '../../src/demo/replay-2011.data';
import { describeInBrowser } from './browser';
import { closeYearInConsole } from './year-2011/close.console';
import { handOverFlagInConsole } from './year-2011/flag.console';
import { holdMeetingInConsole } from './year-2011/meeting.console';
import { sealPledgeInConsole } from './year-2011/pledge.console';
import { checkRegistryInConsole } from './year-2011/registry.console';
import { totalReportsInConsole } from './year-2011/reports.console';
import { adoptRulesInConsole } from './year-2011/rules.console';
import { adoptScoringInConsole } from './year-2011/scoring.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * Issue 16's walk: the 2011 year of the source run by the secretariat through the console alone —
 * the API only for what the administrator, the units and the delegates do (src/demo's replay).
 * Each chapter is a console step of its area; their own specs show the refusals in detail.
 */
describeInBrowser('the 2011 year, run by the secretariat in the console', () => {
  let year: Year2011;
  const MINUTES = 60_000;

  beforeAll(async () => {
    year = await startYear2011();
  }, 10 * MINUTES);
  afterAll(async () => year?.close());

  it(
    'checks the registry, adopts the rules, seals the pledge, totals the reports and adopts the scores',
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
    },
    30 * MINUTES,
  );

  it(
    'holds the meeting: Lạng Sơn refused, the paper count entered twice, Sơn La elected and certified',
    async () => {
      await year.run('meeting', { meeting: holdMeetingInConsole });
      expect(year.replay.outcome.election?.winnerCode).toBe('son-la');
    },
    30 * MINUTES,
  );

  it(
    'hands the flag to Sơn La and closes the year',
    async () => {
      await year.run('close', { flag: handOverFlagInConsole, close: closeYearInConsole });
      expect(year.replay.outcome.cyclePhase).toBe('closed');
      expect(year.replay.outcome.ledger?.valid).toBe(true);
    },
    30 * MINUTES,
  );
});
