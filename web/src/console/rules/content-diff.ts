/** A value of a version's content at a path, e.g. `scoring.criteria[0].children[2].maxPoints`. */
export interface ContentChange {
  path: string;
  left: unknown;
  right: unknown;
}

function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, []);
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, value);
  }
}

/** Every leaf value that differs between two contents (added and removed ones included), in path order. */
export function contentChanges(left: unknown, right: unknown): ContentChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(left, '', a);
  flatten(right, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
    .map((path) => ({ path, left: a.get(path), right: b.get(path) }));
}
