import type { Profile } from '@pictor/contract';
import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { FollowButton } from './FollowButton';
import { ProfileMenu } from './ProfileMenu';

const number = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

function websiteHref(website: string) {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

export function ProfileHeader({ profile }: { profile: Profile }) {
  const self = profile.relationship?.isSelf ?? false;
  const lists = profile.canSeeContent;
  const count = (value: number, label: string, to: string | null) => {
    const inner = (
      <>
        <strong>{number.format(value)}</strong> {label}
      </>
    );
    return <li>{to && lists ? <Link to={to}>{inner}</Link> : <span>{inner}</span>}</li>;
  };
  return (
    <header className="profile-head">
      <div className="profile-avatar">
        <Avatar avatar={profile.avatar} username={profile.username} size={150} decorative={false} />
      </div>
      <div className="profile-info">
        <div className="profile-row">
          <h1 className="profile-username">
            {profile.username}
            {profile.isPrivate ? (
              <span className="private-badge" title="Private account">
                <Icon name="lock" size={16} />
                <span className="visually-hidden">Private account</span>
              </span>
            ) : null}
          </h1>
          <div className="profile-actions">
            {self ? (
              <>
                <Link className="btn btn-secondary" to="/accounts/edit">
                  Edit profile
                </Link>
                <Link className="btn btn-secondary hide-phone" to="/accounts/archive">
                  View archive
                </Link>
                <Link className="icon-btn" to="/accounts/settings" aria-label="Settings">
                  <Icon name="settings" />
                </Link>
              </>
            ) : (
              <>
                <FollowButton profile={profile} />
                <ProfileMenu profile={profile} />
              </>
            )}
          </div>
        </div>
        <ul className="profile-counts" aria-label="Counts">
          {count(profile.counts.posts, profile.counts.posts === 1 ? 'post' : 'posts', null)}
          {count(profile.counts.followers, profile.counts.followers === 1 ? 'follower' : 'followers', `/${profile.username}/followers`)}
          {count(profile.counts.following, 'following', `/${profile.username}/following`)}
        </ul>
        <div className="profile-bio">
          {profile.displayName ? <p className="profile-name">{profile.displayName}</p> : null}
          {profile.bio ? <p className="profile-text">{profile.bio}</p> : null}
          {profile.website ? (
            <a href={websiteHref(profile.website)} rel="noopener noreferrer nofollow ugc" target="_blank" className="profile-site">
              {profile.website.replace(/^https?:\/\//i, '')}
            </a>
          ) : null}
        </div>
      </div>
    </header>
  );
}
