import { defineConfig } from 'vitest/config';

// The network tests (npm run test:net): real sockets on loopback, and network namespaces where the
// machine allows them. One file at a time: they time out on their own bounds, not each other's load.
export default defineConfig({
  test: {
    include: ['tests/net/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
