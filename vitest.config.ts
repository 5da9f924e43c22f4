import { defineConfig } from 'vitest/config';

// Domain and shared code are tested once; the server suite runs twice, once per database, so
// every API behaviour is proven on SQLite and on PostgreSQL (scripts/test.mjs picks the projects).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 20000,
    hookTimeout: 30000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/domain/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/web/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'api-sqlite', include: ['src/server/**/*.test.ts'], env: { LUOSHI_TEST_DIALECT: 'sqlite' } },
      },
      {
        extends: true,
        test: { name: 'api-postgres', include: ['src/server/**/*.test.ts'], env: { LUOSHI_TEST_DIALECT: 'postgres' } },
      },
    ],
  },
});
