import { defineConfig } from 'vite';

// No React plugin: esbuild compiles JSX with the automatic runtime; no fast refresh needed for the console.
export default defineConfig(({ command }) => {
  // A build is a production build even when the caller's NODE_ENV says otherwise (vitest sets "test" for
  // the e2e helper's build): React must not ship its development code or the jsxDEV runtime. Vite reads
  // NODE_ENV after loading this file, as its docs suggest.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    esbuild: { jsx: 'automatic' },
    server: {
      port: 5173,
      proxy: { '/api': { target: 'http://localhost:3000', ws: true } },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      rollupOptions: {
        // antd, react-query and react-router mark modules "use client" (for RSC); meaningless in an SPA bundle.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
        output: {
          // Vendors change less often than pages: separate chunks keep browser caches warm across releases.
          manualChunks(id) {
            if (!id.includes('node_modules')) return undefined;
            if (
              /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(id)
            )
              return 'react';
            if (/[\\/]node_modules[\\/](i18next|react-i18next|@tanstack|dayjs)[\\/]/.test(id)) return 'libs';
            return undefined;
          },
        },
      },
    },
  };
});
