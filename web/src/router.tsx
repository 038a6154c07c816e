import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import DelegatePage from './pages/delegate/delegate-page';
import { ProjectorPage } from './pages/projector/projector-page';

/**
 * One route table. The meeting hall's pages (delegate, projector) are in the entry chunk: a
 * lazy chunk cost one more round trip before the first paint, ~0.56 s on Slow 4G, for ~12 KB of
 * gzipped code (bench/web.bench.ts, docs/benchmarks.md). The console, the portal and the verifier
 * are lazy: each is its own chunk (Ant Design comes only with the first two), and each area inside
 * the console and the portal is a chunk again (console/console-areas.ts, portal/portal-areas.ts).
 */
export const router = createBrowserRouter([
  {
    // The wall of the hall: the whole screen, without the app's header.
    path: 'meetings/:meetingId/projector',
    element: <ProjectorPage />,
  },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'm/:meetingId', element: <DelegatePage /> },
      {
        // A counting board member's own device: lazy, it is opened by two people per paper poll.
        path: 'meetings/:meetingId/polls/:pollId/count',
        lazy: async () => ({ Component: (await import('./pages/counting/counting-page')).default }),
      },
      { path: 'console/*', lazy: async () => ({ Component: (await import('./console/console-app')).default }) },
      { path: 'portal/*', lazy: async () => ({ Component: (await import('./portal/portal-app')).default }) },
      { path: 'verify/*', lazy: async () => ({ Component: (await import('./verify/verify-page')).default }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
