import type { IconName } from '../ui/Icon';

/** Every top-level destination. Later features (stories, reels, messages…) add themselves here. */
export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Shown in the phone tab bar (five at most); the rest live in the rail and the header. */
  tab?: boolean;
}

export const navItems: NavItem[] = [
  { to: '/', label: 'Home', icon: 'home', tab: true },
  { to: '/search', label: 'Search', icon: 'search', tab: true },
  { to: '/explore', label: 'Explore', icon: 'explore' },
  { to: '/reels', label: 'Reels', icon: 'reels', tab: true },
  { to: '/direct/inbox', label: 'Messages', icon: 'messages' },
  { to: '/notifications', label: 'Notifications', icon: 'heart' },
  { to: '/create', label: 'Create', icon: 'create', tab: true },
];
