import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The documentation stays findable and its links stay true: every page under docs/ is linked
 * from the README's "Documentation" index (or from docs/README.md or docs/decisions/README.md
 * when they exist), and every relative link in the README and the docs points at a file that
 * exists — and, for a `#fragment` into a Markdown file, at one of its headings.
 */
const ROOT = resolve(__dirname, '../..');
const INDEXES = ['docs/README.md', 'docs/decisions/README.md'];

function markdownFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Markdown without fenced code blocks. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^]*?^\1/gm, '');
}

/** Markdown without fenced code blocks and inline code, where `[x](y)` is not a link. */
function prose(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}

/** The relative targets of `[text](target)` links (external and mail links left out). */
function links(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    // Inline code keeps its text in the anchor; link targets and emphasis marks do not.
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** The README's "## Documentation" section. */
function readmeIndex(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.search(/^## Documentation\s*$/m);
  if (start < 0) throw new Error('README.md has no "## Documentation" section');
  const next = readme.slice(start + 1).search(/^## /m);
  return next < 0 ? readme.slice(start) : readme.slice(start, start + 1 + next);
}

describe('the documentation index and links', () => {
  const pages = markdownFiles('docs');

  it('lists every page under docs/ in the README index (or docs/README.md, docs/decisions/README.md)', () => {
    const indexed = new Set<string>();
    const sources: [string, string][] = [['README.md', readmeIndex()]];
    for (const index of INDEXES.filter((path) => existsSync(join(ROOT, path)))) {
      sources.push([index, readFileSync(join(ROOT, index), 'utf8')]);
    }
    for (const [file, markdown] of sources) {
      for (const target of links(markdown)) {
        indexed.add(relative(ROOT, resolve(ROOT, dirname(file), target.split('#')[0])));
      }
    }
    const missing = pages.filter((page) => !INDEXES.includes(page) && !indexed.has(page));
    expect(missing).toEqual([]);
    // An index under docs/ is itself reachable from the README.
    for (const index of INDEXES.filter((path) => existsSync(join(ROOT, path)))) expect(indexed).toContain(index);
  });

  it('has no broken relative link in the README or the docs', () => {
    const broken: string[] = [];
    for (const file of ['README.md', ...pages]) {
      const markdown = readFileSync(join(ROOT, file), 'utf8');
      for (const target of links(markdown)) {
        const [path, fragment] = target.split('#');
        const resolved = path ? resolve(ROOT, dirname(file), decodeURI(path)) : join(ROOT, file);
        if (!existsSync(resolved)) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (fragment && resolved.endsWith('.md')) {
          if (!anchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(fragment).toLowerCase())) {
            broken.push(`${file}: ${target} (no such heading)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds what it checks: the README index links the module pages and the decision records', () => {
    const index = readmeIndex();
    expect(pages.length).toBeGreaterThan(20);
    for (const page of [
      'docs/signatures.md',
      'docs/pledges.md',
      'docs/elections.md',
      'docs/flag.md',
      'docs/records.md',
    ]) {
      expect(links(index)).toContain(page);
    }
    expect(anchors('## Who may do what\n### 2. The flag’s custody (cờ)\n## Who may do what')).toEqual(
      new Set(['who-may-do-what', '2-the-flags-custody-cờ', 'who-may-do-what-1']),
    );
  });
});
