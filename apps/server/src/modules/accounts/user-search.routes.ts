import { UserSearchQuery, UserSearchResults } from '@pictor/contract';
import type { HttpApp } from '../../platform/http/app.js';
import { problemResponses } from '../../platform/http/responses.js';
import { requireViewer, SIGNED_IN } from '../../platform/http/session-auth.js';
import type { MediaUrl } from '../../platform/media-url.js';
import { userSummaryView } from './accounts.views.js';
import type { UserSearch } from './user-search.service.js';

export function registerUserSearchRoutes(app: HttpApp, deps: { search: UserSearch; mediaUrl: MediaUrl }) {
  app.get<{ Querystring: UserSearchQuery }>('/api/v1/users/search', {
    schema: {
      tags: ['accounts'],
      security: SIGNED_IN,
      summary: 'Accounts whose username or display name starts with q (signed in; for @mention suggestions)',
      querystring: UserSearchQuery,
      response: { 200: UserSearchResults, ...problemResponses(400, 401, 429) },
    },
  }, async (request) => {
    const viewer = requireViewer(request);
    const found = await deps.search(viewer.userId, request.query.q, request.query.limit ?? 8);
    return { items: found.map((user) => userSummaryView(user, deps.mediaUrl)) };
  });
}
