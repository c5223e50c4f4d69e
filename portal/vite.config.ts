// The portal is a static single-page app served by the gateway (portal/dist); in `vite dev` the API is proxied.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: {
    // '/verifikasi/<code>' is the gateway's no-JS page; '/verifikasi-dokumen' is the portal's own.
    proxy: {
      '/graphql': gateway,
      '/documents': gateway,
      '/application-files': gateway,
      '/export': gateway,
      '^/verifikasi(/|$)': gateway,
    },
  },
});
