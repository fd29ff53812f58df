/** All tables, gathered for the typed query API. Each feature owns its own schema.ts. */
export * from '../accounts/schema';
export * from '../mentions/schema';
export * from '../sources/schema';
export * from '../topics/schema';
export * from '../imports/schema';
export * from '../contacts/schema';
export * from '../contacts/import.schema';
export * from '../inbox/schema';
export * from '../replies/schema';
export * from '../tags/schema';
export * from '../community/schema';
export * from '../reports/schema';
