import { API_PATH } from './replay-client';
import { head } from './replay-2011.data';
import type { Replay } from './replay-2011.context';

/** The signed records of the year as PDFs: which resource serves each, and the file it is written to. */
const RECORDS = [
  { name: 'ket-qua-kinh-te-tap-the-2011.pdf', what: 'results report', resource: 'cycles', id: 'cycleId' },
  { name: 'giao-uoc-thi-dua-2011.pdf', what: 'signed pledge', resource: 'pledges', id: 'pledgeId' },
  { name: 'bien-ban-kiem-phieu-bau-cum-truong-2012.pdf', what: 'counting record', resource: 'polls', id: 'pollId' },
  { name: 'bien-ban-ban-giao-co-luan-luu.pdf', what: 'handover record', resource: 'flag-handovers', id: 'handoverId' },
] as const;

/**
 * Step 8 (second half): fetches each record's PDF from the route the service documents in its
 * OpenAPI description (`GET /{resource}/{id}/….pdf`), as anyone signed in may. A record whose
 * route the service does not have is listed as missing rather than guessed.
 */
export async function fetchRecords(r: Replay): Promise<string[]> {
  const openApi = await r.client.publicJson<{ paths: Record<string, unknown> }>('/docs-json');
  const pdfPaths = Object.keys(openApi.paths).filter((path) => path.endsWith('.pdf'));
  const reader = r.client.as(head('cao-bang'));
  const documents: { name: string; route: string; bytes: Buffer }[] = [];
  const missing: string[] = [];
  for (const record of RECORDS) {
    const pattern = new RegExp(`^${API_PATH}/${record.resource}/\\{[^}]+\\}/[^/{}]+\\.pdf$`);
    const route = pdfPaths.find((path) => pattern.test(path));
    if (!route) {
      missing.push(`${record.what} (${record.name})`);
      continue;
    }
    const path = route.slice(API_PATH.length).replace(/\{[^}]+\}/, r.ids[record.id]);
    const { bytes, contentType } = await reader.bytes(path);
    if (!contentType?.startsWith('application/pdf') || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`GET ${path} did not answer a PDF (${contentType}, ${bytes.length} bytes).`);
    }
    documents.push({ name: record.name, route: `GET ${API_PATH}${path}`, bytes });
  }
  r.outcome.documents = documents;
  r.outcome.missingDocuments = missing;
  return [
    ...documents.map((d) => `${d.name.padEnd(44)} ${String(d.bytes.length).padStart(7)} bytes  ← ${d.route}`),
    ...missing.map((m) => `not available yet: ${m} — the service has no route for it`),
  ];
}
