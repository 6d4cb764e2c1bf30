import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { useMe } from '../features/auth/session';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { Spinner } from '../ui/States';
import { navItems } from './nav';

/** Left rail on wide screens, a top bar plus bottom tab bar on phones. */
export function Shell() {
  const me = useMe().data;
  const profile = me ? `/${me.username}` : '/accounts/login';
  return (
    <div className="shell">
      <ScrollRestoration />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="rail" aria-label="Main">
        <Link to="/" className="rail-logo" aria-label="Pictor home">
          <Logo size={26} />
        </Link>
        <ul>
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'} className="rail-link">
                <Icon name={item.icon} size={26} />
                <span className="rail-label">{item.label}</span>
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to={profile} className="rail-link">
              {me ? <Avatar avatar={me.avatar} username={me.username} size={26} /> : <Icon name="user" size={26} />}
              <span className="rail-label">Profile</span>
            </NavLink>
          </li>
        </ul>
        <NavLink to="/accounts/settings" className="rail-link rail-more">
          <Icon name="menu" size={26} />
          <span className="rail-label">Settings</span>
        </NavLink>
      </nav>
      <header className="topbar">
        <Link to="/" aria-label="Pictor home">
          <Logo size={24} />
        </Link>
        <div className="topbar-actions">
          <NavLink to="/notifications" className="icon-btn" aria-label="Notifications">
            <Icon name="heart" />
          </NavLink>
          <NavLink to="/direct/inbox" className="icon-btn" aria-label="Messages">
            <Icon name="messages" />
          </NavLink>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="tabbar" aria-label="Tabs">
        {navItems
          .filter((item) => item.tab)
          .map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === '/'} className="tab" aria-label={item.label}>
              <Icon name={item.icon} size={26} />
            </NavLink>
          ))}
        <NavLink to={profile} className="tab" aria-label="Profile">
          {me ? <Avatar avatar={me.avatar} username={me.username} size={26} /> : <Icon name="user" size={26} />}
        </NavLink>
      </nav>
    </div>
  );
}
