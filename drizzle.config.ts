import { defineConfig } from 'drizzle-kit';

// Every feature keeps its tables in its own schema.ts (or <part>.schema.ts); drizzle-kit collects them all.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/schema.ts', './src/**/*.schema.ts'],
  out: './drizzle',
});
