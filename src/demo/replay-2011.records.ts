import type { ThiduaClient } from '../api-client';
import type { ApiResult } from './replay-client';
import { head } from './replay-2011.data';
import type { Replay } from './replay-2011.context';

type PdfRequest = (api: ThiduaClient) => Promise<ApiResult<ArrayBuffer>>;

/** The signed records of the year as PDFs: the route that serves each, and the file it is written to. */
const RECORDS: { name: string; route: string; request: (r: Replay) => PdfRequest }[] = [
  {
    name: 'ket-qua-kinh-te-tap-the-2011.pdf',
    route: '/api/v1/cycles/{cycleId}/results.pdf',
    request: (r) => (api) =>
      api.GET('/api/v1/cycles/{cycleId}/results.pdf', {
        params: { path: { cycleId: r.ids.cycleId } },
        parseAs: 'arrayBuffer',
      }),
  },
  {
    name: 'giao-uoc-thi-dua-2011.pdf',
    route: '/api/v1/pledges/{id}/record.pdf',
    request: (r) => (api) =>
      api.GET('/api/v1/pledges/{id}/record.pdf', { params: { path: { id: r.ids.pledgeId } }, parseAs: 'arrayBuffer' }),
  },
  {
    name: 'bien-ban-kiem-phieu-bau-cum-truong-2012.pdf',
    route: '/api/v1/polls/{id}/counting-record.pdf',
    request: (r) => (api) =>
      api.GET('/api/v1/polls/{id}/counting-record.pdf', {
        params: { path: { id: r.ids.pollId } },
        parseAs: 'arrayBuffer',
      }),
  },
  {
    name: 'bien-ban-ban-giao-co-luan-luu.pdf',
    route: '/api/v1/flag-handovers/{id}/record.pdf',
    request: (r) => (api) =>
      api.GET('/api/v1/flag-handovers/{id}/record.pdf', {
        params: { path: { id: r.ids.handoverId } },
        parseAs: 'arrayBuffer',
      }),
  },
];

/** Step 8 (second half): each record's PDF, as anyone signed in may fetch it. */
export async function fetchRecords(r: Replay): Promise<string[]> {
  const reader = r.client.as(head('cao-bang'));
  const documents: { name: string; route: string; bytes: Buffer }[] = [];
  for (const record of RECORDS) {
    const { bytes, contentType } = await reader.file(record.request(r));
    if (!contentType?.startsWith('application/pdf') || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`GET ${record.route} did not answer a PDF (${contentType}, ${bytes.length} bytes).`);
    }
    documents.push({ name: record.name, route: `GET ${record.route}`, bytes });
  }
  r.outcome.documents = documents;
  return documents.map((d) => `${d.name.padEnd(44)} ${String(d.bytes.length).padStart(7)} bytes  ← ${d.route}`);
}
