import type { ReactNode } from 'react';

/** A card's title as a real heading (antd's card title is a plain div), sized as antd's title. */
export function CardHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h2 id={id} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
      {children}
    </h2>
  );
}
