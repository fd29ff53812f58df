/** All tables, gathered for the typed query API. Each feature owns its own schema.ts. */
export * from '../accounts/schema';
