import { Button } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { currentAccessToken } from '../../auth/token-store';
import { ProblemAlert } from '../../ui/problem-alert';

/**
 * Opens a record's PDF in a new tab. The route wants the bearer token, which a plain link cannot
 * carry: the page fetches the file and hands the browser a local object URL.
 */
export function PdfButton({ path, label }: { path: string; label: string }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setError(undefined);
    const tab = globalThis.open('', '_blank');
    try {
      const token = await currentAccessToken();
      const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string };
        throw new ApiProblem(response.status, problem.code ?? `http_${response.status}`, problem);
      }
      const url = URL.createObjectURL(await response.blob());
      if (tab) tab.location.href = url;
      else globalThis.location.assign(url);
    } catch (caught) {
      tab?.close();
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void open()} loading={busy}>
        {label}
      </Button>
      <ProblemAlert error={error} />
    </>
  );
}
