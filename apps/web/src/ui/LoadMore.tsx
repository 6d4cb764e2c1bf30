import { useEffect, useRef } from 'react';
import { Spinner } from './States';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * Fetches the next page while the sentinel is still `ahead` pixels below the viewport,
 * so scrolling rarely reaches the end; a button stays for keyboard and no-JS-observer users.
 */
export function LoadMore({ query, ahead = 1200 }: { query: Pager; ahead?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const node = ref.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) fetchNextPage();
      },
      { rootMargin: `0px 0px ${ahead}px 0px` },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, ahead]);
  if (!hasNextPage) return null;
  return (
    <div ref={ref} className="load-more">
      {isFetchingNextPage ? (
        <Spinner label="Loading more" />
      ) : (
        <button type="button" className="btn btn-link" onClick={() => fetchNextPage()}>
          Load more
        </button>
      )}
    </div>
  );
}
