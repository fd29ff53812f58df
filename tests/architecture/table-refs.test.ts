import { getTableName } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import '../../src/contacts/schema';
import '../../src/inbox/schema';
import { mentions } from '../../src/mentions/schema';
import { keyOf } from '../../src/db/table-refs';

describe('foreign keys that point up the layers', () => {
  it("resolve a mention's contact, identity and conversation to the owners' tables once their schemas load", () => {
    const refs = getTableConfig(mentions).foreignKeys.map((fk) => {
      const r = fk.reference();
      return `${r.columns[0]!.name} -> ${getTableName(r.foreignTable)}.${r.foreignColumns[0]!.name}`;
    });
    expect(refs).toEqual(
      expect.arrayContaining([
        'contact_id -> contacts.id',
        'identity_id -> identities.id',
        'conversation_id -> conversations.id',
      ]),
    );
  });

  it('names a table nobody registered in its error', () => {
    expect(() => keyOf('no_such_table')).toThrow('no_such_table has not registered its key');
  });
});
