import { unwrap } from '../../api/client';

/**
 * Fetches a record's PDF with the person's token (a plain link would carry none) and hands it to the
 * browser as a download, under the file name the service gives it.
 */
export async function downloadPdf(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const result = await call;
  const blob = await unwrap(Promise.resolve(result));
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
