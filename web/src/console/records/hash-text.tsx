/** A SHA-256 in groups of eight, fixed-width, so a person can compare it with a printed page. */
export function HashText({ hash }: { hash: string }) {
  return <code className="records-hash">{hash.match(/.{1,8}/g)?.join(' ') ?? hash}</code>;
}
