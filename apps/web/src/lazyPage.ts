import { type ComponentType, lazy } from 'react';
import { loadPageStrings } from './i18n';

/**
 * React.lazy for a page (or a dialog the shell opens): its script and the page strings load together.
 * Pages translate when they render, never at import, so the two may arrive in either order; the page
 * renders once both have.
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadPageStrings()]);
    return module;
  });
}
