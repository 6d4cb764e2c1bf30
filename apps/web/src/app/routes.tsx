import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

// Every page is its own chunk: the first paint ships only the shell and the page asked for.
const HomeFeed = lazy(() => import('../features/feed/HomeFeedPage'));
const SignIn = lazy(() => import('../features/auth/SignInPage'));
const SignUp = lazy(() => import('../features/auth/SignUpPage'));
const Profile = lazy(() => import('../features/profile/ProfilePage'));
const FollowList = lazy(() => import('../features/profile/FollowListPage'));
const EditProfile = lazy(() => import('../features/profile/EditProfilePage'));
const Requests = lazy(() => import('../features/profile/RequestsPage'));
const Settings = lazy(() => import('../features/settings/SettingsPage'));
const Relations = lazy(() => import('../features/settings/RelationsPage'));
const PostPage = lazy(() => import('../features/posts/PostPage'));
const Compose = lazy(() => import('../features/compose/ComposePage'));
const Collections = lazy(() => import('../features/posts/CollectionsPage'));
const Album = lazy(() => import('../features/posts/AlbumPage'));
const ComingSoon = lazy(() => import('../features/placeholders/ComingSoonPage'));

const soon = (feature: 'explore' | 'search' | 'reels' | 'messages' | 'notifications') => <ComingSoon feature={feature} />;
const auth = (element: React.ReactNode) => <RequireAuth>{element}</RequireAuth>;

export const router = createBrowserRouter([
  { path: '/accounts/login', element: <SignIn /> },
  { path: '/accounts/signup', element: <SignUp /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: auth(<HomeFeed />) },
      { path: 'explore', element: soon('explore') },
      { path: 'search', element: soon('search') },
      { path: 'reels', element: soon('reels') },
      { path: 'direct/inbox', element: soon('messages') },
      { path: 'notifications', element: soon('notifications') },
      { path: 'create', element: auth(<Compose />) },
      { path: 'accounts/edit', element: auth(<EditProfile />) },
      { path: 'accounts/settings', element: auth(<Settings />) },
      { path: 'accounts/requests', element: auth(<Requests />) },
      { path: 'accounts/blocked', element: auth(<Relations key="block" kind="block" />) },
      { path: 'accounts/muted', element: auth(<Relations key="mute" kind="mute" />) },
      { path: 'accounts/restricted', element: auth(<Relations key="restrict" kind="restrict" />) },
      { path: 'accounts/archive', element: auth(<Collections kind="archive" />) },
      { path: 'accounts/saved', element: auth(<Collections kind="saved" />) },
      { path: 'p/:postId', element: <PostPage /> },
      { path: ':username', element: <Profile /> },
      { path: ':username/followers', element: auth(<FollowList direction="followers" />) },
      { path: ':username/following', element: auth(<FollowList direction="following" />) },
      { path: ':username/albums/:albumId', element: <Album /> },
    ],
  },
]);
