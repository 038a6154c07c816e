// Which module's SQL names a table it does not own (issue 14). A table belongs to the module whose
// entity declares it (`@Entity({ name })`); every string or template literal under src/modules that
// names a table after FROM/JOIN/INTO/UPDATE/TABLE is read, and a table owned by another module is a
// "foreign-table place". Today's places are in scripts/table-owners-known.json, per file and table:
// a file may name a foreign table at most as often as recorded there, and a count that fell must be
// lowered in that file (the baseline only shrinks; decision 038).
// A place may instead be justified as a read model: a `// read model: <why>` comment on the statement
// that holds the SQL (one statement that must join across modules, e.g. the ballot). Justified places
// need no baseline entry, but the whole code base may hold at most READ_MODEL_CEILING of them.
// `npx ts-node -T scripts/check-table-owners.ts` (also run by `npm run boundaries`)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');
const modulesDir = join(root, 'src', 'modules');
export const tableOwnersBaselinePath = join(root, 'scripts', 'table-owners-known.json');

/** One file's literals naming one foreign table. */
export interface ForeignTablePlaces {
  file: string;
  table: string;
  owner: string;
  places: number;
}

/** The issue's ceiling on SQL that names another module's table, each place justified as a read model. */
export const READ_MODEL_CEILING = 10;

export interface TableOwnersReport {
  owners: Map<string, string>;
  places: ForeignTablePlaces[];
  total: number;
  /** Places justified by a `// read model:` comment (not in the baseline; at most READ_MODEL_CEILING). */
  readModels: ForeignTablePlaces[];
  /** Above the baseline: a new file/table pair, or more places than recorded. */
  added: string[];
  /** Below the baseline: the baseline must be lowered to what remains. */
  stale: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function moduleOf(file: string): string | undefined {
  return /^src\/modules\/([^/]+)\//.exec(relative(root, file))?.[1];
}

/** table name → owning module (or `common/<folder>` for the few tables of src/common). */
export function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  const files = sourceFiles(join(root, 'src')).filter((f) => f.endsWith('.entity.ts'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const owner = moduleOf(file) ?? relative(join(root, 'src'), file).split('/').slice(0, 2).join('/');
    for (const match of text.matchAll(/@Entity\(\s*\{\s*name:\s*'([a-z_0-9]+)'/g)) {
      owners.set(match[1], owner);
    }
  }
  return owners;
}

const READ_MODEL_COMMENT = /\/\/\s*read model:\s*\S/;

/** Whether the statement holding this node carries a `// read model: <why>` comment. */
function justifiedAsReadModel(node: ts.Node, text: string): boolean {
  for (let at: ts.Node | undefined = node; at && !ts.isBlock(at) && !ts.isSourceFile(at); at = at.parent) {
    const comments = ts.getLeadingCommentRanges(text, at.getFullStart()) ?? [];
    if (comments.some((range) => READ_MODEL_COMMENT.test(text.slice(range.pos, range.end)))) return true;
    // in a chain of calls the comment stands before the method's dot: `// read model: …\n .orWhere(…)`
    if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression)) {
      const beforeDot = text.slice(at.expression.expression.end, at.expression.name.getStart());
      if (READ_MODEL_COMMENT.test(beforeDot)) return true;
    }
  }
  return false;
}

interface Literal {
  text: string;
  readModel: boolean;
}

function literalTexts(file: string): Literal[] {
  const sourceText = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, sourceText, ts.ScriptTarget.ES2022, true);
  const texts: Literal[] = [];
  const push = (node: ts.Node, text: string): void => {
    texts.push({ text, readModel: justifiedAsReadModel(node, sourceText) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const call = node.parent;
      const builderTable =
        ts.isCallExpression(call) &&
        call.arguments[0] === node &&
        ts.isPropertyAccessExpression(call.expression) &&
        BUILDER_TABLE_METHODS.test(call.expression.name.text);
      push(node, builderTable ? `FROM ${node.text}` : node.text);
    } else if (ts.isTemplateExpression(node)) {
      push(node, [node.head.text, ...node.templateSpans.map((span) => ` \${} ${span.literal.text}`)].join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

// The project writes SQL keywords in capitals, which keeps English sentences ("from units") out.
const TABLE_AFTER_KEYWORD = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_][a-z_0-9]*)"?/g;
// A query builder naming a table by its string: `.innerJoin('poll_participations', 'p', …)`.
const BUILDER_TABLE_METHODS = /^(from|into|update|delete|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect)$/;

/** Every foreign-table place, split into unjustified ones and justified read models. */
export function foreignTablePlaces(owners = tableOwners()): {
  places: ForeignTablePlaces[];
  readModels: ForeignTablePlaces[];
} {
  const counts = new Map<string, ForeignTablePlaces>();
  const readModels = new Map<string, ForeignTablePlaces>();
  for (const file of sourceFiles(modulesDir)) {
    const module = moduleOf(file)!;
    for (const { text, readModel } of literalTexts(file)) {
      const named = new Set([...text.matchAll(TABLE_AFTER_KEYWORD)].map((m) => m[1].toLowerCase()));
      for (const table of named) {
        const owner = owners.get(table);
        if (!owner || owner === module) continue;
        const key = `${relative(root, file)} ${table}`;
        const into = readModel ? readModels : counts;
        const entry = into.get(key) ?? { file: relative(root, file), table, owner, places: 0 };
        entry.places += 1;
        into.set(key, entry);
      }
    }
  }
  const sorted = (map: Map<string, ForeignTablePlaces>): ForeignTablePlaces[] =>
    [...map.values()].sort((a, b) => a.file.localeCompare(b.file) || a.table.localeCompare(b.table));
  return { places: sorted(counts), readModels: sorted(readModels) };
}

function readBaseline(): ForeignTablePlaces[] {
  try {
    return JSON.parse(readFileSync(tableOwnersBaselinePath, 'utf8')) as ForeignTablePlaces[];
  } catch {
    return [];
  }
}

export function checkTableOwners(): TableOwnersReport {
  const owners = tableOwners();
  const { places, readModels } = foreignTablePlaces(owners);
  const known = new Map(readBaseline().map((entry) => [`${entry.file} ${entry.table}`, entry.places]));
  const added: string[] = [];
  const stale: string[] = [];
  for (const entry of places) {
    const allowed = known.get(`${entry.file} ${entry.table}`) ?? 0;
    if (entry.places > allowed) {
      added.push(`${entry.file} names ${entry.table} (owned by ${entry.owner}) ${entry.places}× (baseline ${allowed})`);
    } else if (entry.places < allowed) {
      stale.push(`${entry.file} names ${entry.table} ${entry.places}× now, baseline says ${allowed}`);
    }
    known.delete(`${entry.file} ${entry.table}`);
  }
  for (const [key, allowed] of known) stale.push(`${key}: 0× now, baseline says ${allowed}`);
  const justified = readModels.reduce((sum, entry) => sum + entry.places, 0);
  if (justified > READ_MODEL_CEILING) {
    added.push(`${justified} places justified as read models, above the ceiling of ${READ_MODEL_CEILING}`);
  }
  const total = places.reduce((sum, entry) => sum + entry.places, 0);
  return { owners, places, readModels, total, added, stale };
}

export function printTableOwners(report: TableOwnersReport): void {
  const perTable = new Map<string, number>();
  for (const entry of [...report.places, ...report.readModels])
    perTable.set(entry.table, (perTable.get(entry.table) ?? 0) + entry.places);
  const top = [...perTable].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const justified = report.readModels.reduce((sum, entry) => sum + entry.places, 0);
  console.log(
    `foreign-table SQL places: ${report.total + justified} — ${justified} justified as read models ` +
      `(ceiling ${READ_MODEL_CEILING}), ${report.total} not (in ${new Set(report.places.map((p) => p.file)).size} ` +
      `files; most named: ${top.map(([table, n]) => `${table} ${n}×`).join(', ')})`,
  );
  for (const entry of report.readModels) {
    console.log(`  read model  ${entry.file} names ${entry.table} (owned by ${entry.owner}) ${entry.places}×`);
  }
  for (const line of report.added) console.log(`  NEW  ${line}`);
  for (const line of report.stale) console.log(`  STALE  ${line} — lower scripts/table-owners-known.json`);
}

if (require.main === module) {
  const report = checkTableOwners();
  printTableOwners(report);
  process.exitCode = report.added.length + report.stale.length > 0 ? 1 : 0;
}
