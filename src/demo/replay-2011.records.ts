import { API_PATH } from './replay-client';
import { head } from './replay-2011.data';
import type { Replay } from './replay-2011.context';

/** The signed records of the year as PDFs: the route that serves each, and the file it is written to. */
const RECORDS = [
  { name: 'ket-qua-kinh-te-tap-the-2011.pdf', path: (r: Replay) => `/cycles/${r.ids.cycleId}/results.pdf` },
  { name: 'giao-uoc-thi-dua-2011.pdf', path: (r: Replay) => `/pledges/${r.ids.pledgeId}/record.pdf` },
  {
    name: 'bien-ban-kiem-phieu-bau-cum-truong-2012.pdf',
    path: (r: Replay) => `/polls/${r.ids.pollId}/counting-record.pdf`,
  },
  {
    name: 'bien-ban-ban-giao-co-luan-luu.pdf',
    path: (r: Replay) => `/flag-handovers/${r.ids.handoverId}/record.pdf`,
  },
] as const;

/** Step 8 (second half): each record's PDF, as anyone signed in may fetch it. */
export async function fetchRecords(r: Replay): Promise<string[]> {
  const reader = r.client.as(head('cao-bang'));
  const documents: { name: string; route: string; bytes: Buffer }[] = [];
  for (const record of RECORDS) {
    const path = record.path(r);
    const { bytes, contentType } = await reader.bytes(path);
    if (!contentType?.startsWith('application/pdf') || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`GET ${path} did not answer a PDF (${contentType}, ${bytes.length} bytes).`);
    }
    documents.push({ name: record.name, route: `GET ${API_PATH}${path}`, bytes });
  }
  r.outcome.documents = documents;
  return documents.map((d) => `${d.name.padEnd(44)} ${String(d.bytes.length).padStart(7)} bytes  ← ${d.route}`);
}
