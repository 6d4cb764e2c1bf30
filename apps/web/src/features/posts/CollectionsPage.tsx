import { LoadMore } from '../../ui/LoadMore';
import { Icon } from '../../ui/Icon';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { usePostPages } from './api';
import { PostGrid } from './PostGrid';

const pages = {
  archive: { title: 'Archive', path: '/me/archive', empty: 'Posts you archive are hidden from everyone else and kept here.' },
  saved: { title: 'Saved', path: '/me/saved', empty: 'Save photos you want to see again. Only you can see what you’ve saved.' },
};

export default function CollectionsPage({ kind }: { kind: keyof typeof pages }) {
  const page = pages[kind];
  const posts = usePostPages(['posts', kind], page.path);
  return (
    <div className="page">
      <h1 className="page-title">{page.title}</h1>
      {posts.isPending ? (
        <Spinner />
      ) : posts.isLoadingError ? (
        <ErrorState error={posts.error} retry={() => posts.refetch()} />
      ) : posts.data.pages[0]?.items.length ? (
        <>
          <PostGrid posts={posts.data.pages.flatMap((p) => p.items)} />
          <LoadMore query={posts} />
        </>
      ) : (
        <EmptyState icon={<Icon name={kind === 'saved' ? 'bookmark' : 'archive'} size={48} strokeWidth={1.2} />} title={`Nothing ${kind === 'saved' ? 'saved' : 'archived'} yet`}>
          <p>{page.empty}</p>
        </EmptyState>
      )}
    </div>
  );
}
