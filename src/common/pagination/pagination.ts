import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonException } from '../errors/common.exception';
import type { PageQueryDto } from './page-query.dto';

/** One page of a list: the same shape on every list route. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Number of items matching the filters, over all pages. */
  total: number;
}

export type SortDirection = 'ASC' | 'DESC';

export interface SortTerm {
  /** The entity property, e.g. `fullName`. */
  property: string;
  direction: SortDirection;
}

/**
 * What a resource may be sorted by: API field name -> entity property, and the order used when
 * the client sends no `sort`. The primary key is always appended so that pages are stable.
 */
export interface SortSpec {
  fields: Readonly<Record<string, string>>;
  default: string;
}

/** Parses `sort=-createdAt,name` against a resource's allow-list; unknown fields are a 400. */
export function parseSort(sort: string | undefined, spec: SortSpec): SortTerm[] {
  const terms: SortTerm[] = [];
  const seen = new Set<string>();
  for (const raw of (sort ?? spec.default).split(',')) {
    const descending = raw.startsWith('-');
    const field = descending ? raw.slice(1) : raw;
    const property = Object.prototype.hasOwnProperty.call(spec.fields, field) ? spec.fields[field] : undefined;
    if (!property) {
      throw CommonException.validation(
        [
          {
            field: 'sort',
            messages: [`'${field}' is not a sort field here; use one of: ${Object.keys(spec.fields).join(', ')}.`],
          },
        ],
        `Cannot sort by '${field}'.`,
      );
    }
    if (seen.has(field)) {
      throw CommonException.validation(
        [{ field: 'sort', messages: [`'${field}' appears more than once.`] }],
        `Cannot sort by '${field}' twice.`,
      );
    }
    seen.add(field);
    terms.push({ property, direction: descending ? 'DESC' : 'ASC' });
  }
  return terms;
}

/**
 * Applies the page's sort, offset and limit to a query on one entity (alias = `qb.alias`) and
 * returns the page with its total. Sort properties come only from the allow-list, never from the
 * request text itself.
 */
export async function findPage<E extends ObjectLiteral, D>(
  qb: SelectQueryBuilder<E>,
  query: PageQueryDto,
  spec: SortSpec,
  map: (entity: E) => D | Promise<D>,
): Promise<Page<D>> {
  const terms = parseSort(query.sort, spec);
  terms.forEach((term, index) => {
    const column = `${qb.alias}.${term.property}`;
    if (index === 0) qb.orderBy(column, term.direction);
    else qb.addOrderBy(column, term.direction);
  });
  // The primary key last, so that rows with equal sort values keep a stable order across pages.
  for (const primary of qb.expressionMap.mainAlias!.metadata.primaryColumns) {
    if (!terms.some((term) => term.property === primary.propertyName)) {
      qb.addOrderBy(`${qb.alias}.${primary.propertyName}`, 'ASC');
    }
  }
  const [entities, total] = await qb
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  // One at a time: a mapper may read more rows through the same manager (or transaction).
  const items: D[] = [];
  for (const entity of entities) items.push(await map(entity));
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/**
 * The same page for a list already in memory (a registry, or rows the caller may see only after
 * a check in TypeScript): sorted by the allow-listed properties, nulls last, then sliced.
 */
export function pageOf<T extends object>(all: readonly T[], query: PageQueryDto, spec: SortSpec): Page<T> {
  const terms = parseSort(query.sort, spec);
  const value = (item: T, property: string): unknown => (item as Record<string, unknown>)[property];
  const sorted = [...all].sort((a, b) => {
    for (const term of terms) {
      const order = compareValues(value(a, term.property), value(b, term.property));
      if (order !== 0) return term.direction === 'ASC' ? order : -order;
    }
    return 0;
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    items: sorted.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    total: all.length,
  };
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const left = a instanceof Date ? a.getTime() : a;
  const right = b instanceof Date ? b.getTime() : b;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

/** `%` and `_` in search text are literal characters, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
