import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';

/**
 * One route table. Pages of the meeting hall (delegate, projector) are split into their own
 * chunks with `lazy`, so a phone loads only what its page needs.
 */
export const router = createBrowserRouter([
  {
    // The wall of the hall: the whole screen, without the app's header.
    path: 'meetings/:meetingId/projector',
    lazy: async () => ({ Component: (await import('./pages/projector/projector-page')).ProjectorPage }),
  },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'm/:meetingId',
        lazy: async () => ({ Component: (await import('./pages/delegate/delegate-page')).default }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
