// The renderer's entry: mounts the app over the preload's bridge (window.wawi).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiClient, type WawiBridge } from '../../shared/ipc/bridge';
import { App } from './App';
import './styles.css';

declare global {
  interface Window {
    /** The one API object the preload exposes. */
    wawi: WawiBridge;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={apiClient(window.wawi)} />
  </StrictMode>,
);
