import { ApiProblem } from '../../api/client';

/**
 * Saves an API answer (CSV, PDF, JSON) as a file on the device. The routes need the bearer token, so
 * a plain link cannot fetch them: the page fetches, then hands the bytes to the browser's download.
 * The file name is the server's (`Content-Disposition`), else `fallbackName`.
 */
export async function saveAnswer(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error && typeof error === 'object' ? error : {}) as ApiProblem['problem'];
    throw new ApiProblem(
      response.status,
      typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
      problem,
    );
  }
  const blob = data instanceof Blob ? data : new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  saveBlob(blob, fileNameOf(response) ?? fallbackName);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start reading the bytes before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(response: Response): string | undefined {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : undefined;
}
