import { describeInBrowser } from './browser';
import { startYear2011, type Year2011 } from './year-2011/year-2011';

/** The kit the console's year tests stand on: the replay runs up to a step, the clerk's console opens. */
describeInBrowser('the 2011 year kit', () => {
  let year: Year2011;
  beforeAll(async () => {
    year = await startYear2011();
  }, 120_000);
  afterAll(async () => year?.close());

  it('replays the registry through the API and opens the console for the clerk, in the 2011 cluster', async () => {
    await year.run('registry');
    expect(year.replay.ids.clusterId).not.toBe('');
    const page = await year.secretariat();
    await page.getByRole('navigation', { name: 'Các mục của bảng điều hành' }).waitFor();
    await page
      .getByRole('group', { name: 'Cụm và năm đang làm việc' })
      .getByText(/biên giới phía Bắc/)
      .waitFor();
  }, 120_000);
});
