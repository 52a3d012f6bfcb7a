import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import { Root } from './Root';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing');
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
