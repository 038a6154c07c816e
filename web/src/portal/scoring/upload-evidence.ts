import { ApiProblem, type Schemas } from '../../api/client';
import { currentAccessToken } from '../../auth/token-store';

type EvidenceFile = Schemas['EvidenceFileResponseDto'];

/**
 * Sends one evidence file (multipart field `file`) through XMLHttpRequest, which — unlike fetch —
 * reports the upload's progress. The bearer token is the session's; a refusal becomes the same
 * ApiProblem as every other call, so its sentence comes from the same catalogue.
 */
export async function uploadEvidence(
  path: { periodId: string; unitId: string; itemCode: string },
  file: File,
  onProgress: (percent: number) => void,
): Promise<EvidenceFile> {
  const token = await currentAccessToken();
  const url =
    `/api/v1/scoring-periods/${encodeURIComponent(path.periodId)}/units/${encodeURIComponent(path.unitId)}` +
    `/entries/${encodeURIComponent(path.itemCode)}/evidence`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText || '{}') as Record<string, unknown>;
      } catch {
        // A body that is not JSON (a proxy's page) is answered by the status alone.
      }
      if (request.status >= 200 && request.status < 300) resolve(body as unknown as EvidenceFile);
      else {
        const code = typeof body.code === 'string' ? body.code : `http_${request.status}`;
        reject(new ApiProblem(request.status, code, body));
      }
    };
    request.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
