import { useEffect, useRef } from 'react';
import { errorText } from '../api/client';
import { ErrorNote } from './ErrorNote';
import { Spinner } from './States';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

/**
 * Fetches the next page while the sentinel is still `ahead` pixels below what is in view (the
 * page, or the box that scrolls the list, such as a sheet), so scrolling rarely reaches the end;
 * a button stays for keyboard and no-JS-observer users.
 * After a page fails the observer stands down (it would otherwise ask again as soon as the
 * failure settled, for as long as the end is in view) and the button offers to try again.
 */
export function LoadMore({ query, ahead = 1200 }: { query: Pager; ahead?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, error, fetchNextPage } = query;
  const watch = hasNextPage && !isFetchNextPageError;
  useEffect(() => {
    const node = ref.current;
    if (!node || !watch) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) fetchNextPage();
      },
      { root: scrollingBox(node), rootMargin: `0px 0px ${ahead}px 0px` },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [watch, isFetchingNextPage, fetchNextPage, ahead]);
  if (!hasNextPage) return null;
  if (isFetchNextPageError && !isFetchingNextPage) return <TryAgain error={error} retry={fetchNextPage} />;
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

/**
 * The nearest box that scrolls `node`, or null when the page does. Watched from the page, a list
 * in a box (the likers sheet) would look no further ahead than the box shows: what the box has
 * scrolled out of view is cut off before the margin counts.
 */
function scrollingBox(node: Element): Element | null {
  for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  }
  return null;
}

/** Part of a list did not come: the reason, and a button to ask again (inline, unlike ErrorState). */
export function TryAgain({ error, retry }: { error: unknown; retry: () => unknown }) {
  return (
    <div className="load-more">
      <ErrorNote>{errorText(error)}</ErrorNote>
      <button type="button" className="btn btn-link" onClick={() => retry()}>
        Try again
      </button>
    </div>
  );
}
