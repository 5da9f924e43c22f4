import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

interface NarrowListProps<T extends { id: number }> {
  items: readonly T[] | undefined;
  isLoading: boolean;
  empty: string;
  render: (item: T) => ReactNode;
}

/** A table's rows as stacked blocks, for phones (a wide table would hide its actions off-screen). */
export function NarrowList<T extends { id: number }>({ items, isLoading, empty, render }: NarrowListProps<T>) {
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!items || items.length === 0) return <Empty description={empty} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.id} style={{ paddingBlock: 10, borderBottom: '1px solid #f0f0f0', minWidth: 0 }}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
