import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

// A data router, so that editors can hold back a navigation while changes are unsaved (useBlocker needs one). The
// app's routes stay declared as <Routes> inside App, under this one catch-all route.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
