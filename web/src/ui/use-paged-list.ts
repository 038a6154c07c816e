import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useSearchParams } from 'react-router';

/** One page of any list route (`{items, page, pageSize, total}`, docs/api.md "Lists"). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ListQuery {
  page: number;
  pageSize: number;
  sort?: string;
}

/**
 * A server-paginated, server-sorted antd table over a list route. Page, size and sort live in the
 * address (prefixed per table), so a refresh or a shared link shows the same page.
 */
export function usePagedList<T extends { id?: string }>(
  name: string,
  queryKey: readonly unknown[],
  fetchPage: (query: ListQuery) => Promise<Page<T>>,
  options: { defaultSort?: string; pageSize?: number; enabled?: boolean } = {},
): { tableProps: TableProps<T>; query: ListQuery; refetch: () => void } {
  const [params, setParams] = useSearchParams();
  const query: ListQuery = {
    page: Number(params.get(`${name}.page`) ?? 1) || 1,
    pageSize: Number(params.get(`${name}.size`) ?? options.pageSize ?? 20) || 20,
    sort: params.get(`${name}.sort`) ?? options.defaultSort,
  };
  const result = useQuery({
    queryKey: [...queryKey, query],
    queryFn: () => fetchPage(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => {
    const first = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = first?.order ? String(first.columnKey ?? first.field) : undefined;
    const sort = field ? `${first.order === 'descend' ? '-' : ''}${field}` : undefined;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(`${name}.page`, String(pagination.current ?? 1));
        next.set(`${name}.size`, String(pagination.pageSize ?? query.pageSize));
        if (sort) next.set(`${name}.sort`, sort);
        else next.delete(`${name}.sort`);
        return next;
      },
      { replace: true },
    );
  };

  return {
    query,
    refetch: () => void result.refetch(),
    tableProps: {
      rowKey: (row) => row.id ?? JSON.stringify(row),
      dataSource: result.data?.items ?? [],
      loading: result.isFetching,
      onChange,
      pagination: {
        current: query.page,
        pageSize: query.pageSize,
        total: result.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
      },
    },
  };
}

/** The antd column's `sortOrder` for a field, from the list's current sort. */
export function sortOrderOf(query: ListQuery, field: string): 'ascend' | 'descend' | null {
  const first = query.sort?.split(',')[0];
  if (first === field) return 'ascend';
  if (first === `-${field}`) return 'descend';
  return null;
}
