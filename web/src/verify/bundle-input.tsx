import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSource } from './check-bundle';

interface Props {
  onBundle(source: BundleSource, bundle: unknown): void;
}

/** A bundle file dropped or chosen, or its JSON pasted: read here, checked by the page. */
export function BundleInput({ onBundle }: Props) {
  const { t } = useTranslation();
  const ids = { heading: useId(), file: useId(), paste: useId() };
  const [unreadable, setUnreadable] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');

  const read = (source: BundleSource, text: string) => {
    let bundle: unknown;
    try {
      bundle = JSON.parse(text);
    } catch {
      setUnreadable(true);
      return;
    }
    setUnreadable(false);
    onBundle(source, bundle);
  };
  const readFile = async (file: File | undefined) => {
    if (file) read({ kind: 'file', name: file.name }, await file.text());
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };
  const onPaste = (event: FormEvent) => {
    event.preventDefault();
    read({ kind: 'pasted' }, pasted);
  };

  return (
    <section className="verify-card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('verify.file.heading')}</h2>
      <div
        className={dragging ? 'verify-drop dragging' : 'verify-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('verify.file.drop')}</p>
        <label htmlFor={ids.file}>{t('verify.file.choose')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <form onSubmit={onPaste} className="verify-paste">
        <label htmlFor={ids.paste}>{t('verify.file.paste')}</label>
        <textarea id={ids.paste} rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        <button type="submit" disabled={!pasted.trim()}>
          {t('verify.file.check')}
        </button>
      </form>
      {unreadable && (
        <p role="alert" className="verify-error">
          {t('verify.file.unreadable')}
        </p>
      )}
    </section>
  );
}
