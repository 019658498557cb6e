import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { DEFAULT_SCENARIO, DEFAULT_SEED } from '../bridge/constants';
import { startEngine } from '../bridge/engineClient';
import { useStore } from '../store/useStore';
import { App } from './app/App';

const params = new URLSearchParams(location.search);
const seedParam = Number(params.get('seed'));
const seed = Number.isInteger(seedParam) && seedParam > 0 ? seedParam : DEFAULT_SEED;
const savedTheme = localStorage.getItem('podlab.theme');

useStore.setState({
  editorText: DEFAULT_SCENARIO,
  editorFileName: 'manifest.yaml',
  theme: savedTheme === 'light' || savedTheme === 'dark' ? savedTheme : 'dark',
});
document.documentElement.dataset.theme = useStore.getState().theme;
useStore.subscribe((s, prev) => {
  if (s.theme !== prev.theme) localStorage.setItem('podlab.theme', s.theme);
});

// The engine starts before React renders, so the first hello races the first paint.
startEngine({ seed });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
