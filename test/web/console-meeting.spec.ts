import { describeInBrowser } from './browser';
import { handOverFlagInConsole } from './year-2011/flag.console';
import { holdMeetingInConsole } from './year-2011/meeting.console';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/**
 * The meeting of 21 November 2011 and the flag, run by the clerk in the console (the chapters before
 * them replayed through the API): attendance and the live quorum, the 2012 leader election with
 * Lạng Sơn refused, the counting board proposed and confirmed, a mixed ballot whose paper count two
 * board members enter on their phones (disagreeing, then corrected), the tally, certification
 * refused until the record is signed, then done; the flag handed over to Sơn La; the year closes.
 */
describeInBrowser('the console: the meeting, the election and the flag of 2011', () => {
  let year: Year2011;
  beforeAll(async () => {
    year = await startYear2011();
    await year.run('scoring');
  }, 600_000);
  afterAll(async () => year?.close());

  it('holds the meeting: register, quorum, the leader election on paper and electronically, certified', async () => {
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
  }, 600_000);

  it('hands the flag over to the elected leader, and the year then closes', async () => {
    await year.run('flag', { flag: handOverFlagInConsole });
    await year.run('close');
    expect(year.replay.outcome.cyclePhase).toBe('closed');
  }, 300_000);
});
