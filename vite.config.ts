import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI: Vite's root is the repository root so `index.html` sits beside package.json;
 * the built files land in dist/web, which the server serves with an SPA fallback.
 */
export default defineConfig({
  plugins: [react()],
  publicDir: 'src/web/public',
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Keep the browser's Host header: the API's CSRF check compares Origin with it.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // antd alone is ~1 MB unminified; it is one cacheable chunk that changes only on upgrades.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 30,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion)[\\/]/,
              priority: 20,
            },
            // Charts only where a page draws one: their own chunk, loaded with the lazy EChart (not
            // with every page, as part of vendor — ~600 KB the cockpit's first visit waited for).
            {
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
              priority: 25,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
