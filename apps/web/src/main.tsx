import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { ViewerRealtime } from './app/realtime';
import { router } from './app/routes';
import { LikeSyncs } from './features/interactions/like-sync';
import { LikeSyncsProvider } from './features/interactions/like-toggle';
import './ui/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Refusals (4xx) are answers, not glitches: do not retry them.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// Every heart's requests, one at a time per post or comment, shared by all the places that show it.
const likeSyncs = new LikeSyncs();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LikeSyncsProvider value={likeSyncs}>
        <ViewerRealtime>
          <RouterProvider router={router} />
        </ViewerRealtime>
      </LikeSyncsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
