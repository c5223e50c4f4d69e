// The portal is a static single-page app served by the gateway (portal/dist); in `vite dev` the API is proxied.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: Object.fromEntries(['/graphql', '/documents', '/verifikasi'].map((p) => [p, gateway])),
  },
});
