import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from './env';
import { onError } from './error-handler';
import { formInput, formMessage, parseForm } from './pages';
import { refuseUnsafeText } from './safe-text.middleware';

const Schema = z.object({
  name: z.string().trim().min(1, 'required').max(80),
  note: z.string().trim().max(200).optional(),
  company: z.string().trim().nullable().optional(),
  size: z.number().int().min(1).default(25),
  limit: z.number().int().optional(),
  active: z.boolean(),
  pinned: z.boolean().optional(),
  ids: z.array(z.uuid()).max(5),
  tags: z.array(z.string().trim().min(1)).optional(),
  scores: z.array(z.number()).optional(),
});

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

describe('formInput', () => {
  it('collects a repeated field and name[] into an array, and splits a list typed in one box', () => {
    expect(formInput(Schema, { ids: [A, B] }).ids).toEqual([A, B]);
    expect(formInput(Schema, { 'ids[]': [A] }).ids).toEqual([A]);
    expect(formInput(Schema, { ids: A }).ids).toEqual([A]);
    expect(formInput(Schema, { tags: 'vip, beta,,' }, { lists: { tags: ',' } }).tags).toEqual(['vip', ' beta']);
    expect(formInput(Schema, { scores: ['1', '2.5', ''] }).scores).toEqual([1, 2.5]);
  });

  it('leaves an unposted array out where it may be, and posts none as an empty list where it must be', () => {
    const input = formInput(Schema, {});
    expect(input.ids).toEqual([]);
    expect('tags' in input).toBe(false);
  });

  it('reads checkboxes: on, true and 1 are true; unchecked is false, or left out where the field may be', () => {
    for (const word of ['on', 'true', '1', 'TRUE']) expect(formInput(Schema, { active: word }).active).toBe(true);
    expect(formInput(Schema, { active: ['0', 'on'] }).active).toBe(true);
    expect(formInput(Schema, { active: '0' }).active).toBe(false);
    expect(formInput(Schema, {}).active).toBe(false);
    expect('pinned' in formInput(Schema, {})).toBe(false);
    expect(formInput(Schema, { active: 'maybe' }).active).toBe('maybe');
  });

  it('reads numbers from their text, and a blank number as not given', () => {
    expect(formInput(Schema, { size: '30', limit: '-2' })).toMatchObject({ size: 30, limit: -2 });
    expect('size' in formInput(Schema, { size: ' ' })).toBe(false);
    expect(Schema.parse(formInput(Schema, { name: 'x', size: '' })).size).toBe(25);
    expect(formInput(Schema, { size: '3 apples' }).size).toBe('3 apples');
  });

  it('reads a blank field as null where the schema takes null, else as not given; a required text stays empty', () => {
    const input = formInput(Schema, { name: '', note: '  ', company: '' });
    expect(input).toMatchObject({ name: '', company: null });
    expect('note' in input).toBe(false);
    expect(formInput(Schema, {}).name).toBe('');
  });

  it('drops fields the schema does not name, as the JSON API does, and files outside file fields', () => {
    const input = formInput(Schema, { name: 'x', _csrf: 'token', role: 'owner', note: new File(['x'], 'a.txt') });
    expect(input).not.toHaveProperty('_csrf');
    expect(input).not.toHaveProperty('role');
    expect(input).not.toHaveProperty('note');
    const file = new File(['a,b'], 'a.csv');
    expect(formInput(z.object({ file: z.instanceof(File) }), { file }).file).toBe(file);
  });

  it('fills nested objects and records from dotted names, and reads a transformed schema by what goes in', () => {
    const Nested = z
      .object({
        rule: z.object({ min: z.number().optional(), on: z.boolean() }),
        config: z.record(z.string(), z.string()),
      })
      .transform((x) => x);
    expect(
      formInput(Nested, { 'rule.min': '3', 'rule.on': 'on', 'config.url': 'https://a.example', 'config.x': '' }),
    ).toEqual({ rule: { min: 3, on: true }, config: { url: 'https://a.example' } });
  });

  it('validates the same JSON the API would take', () => {
    const json = { name: 'Acme', size: 3, active: true, ids: [A], tags: ['vip'] };
    const form = { name: 'Acme', size: '3', active: 'on', ids: A, tags: 'vip', _csrf: 't' };
    expect(Schema.parse(formInput(Schema, form, { lists: { tags: ',' } }))).toEqual(Schema.parse(json));
  });
});

describe('formMessage', () => {
  it('names the field of the first problem, by its label where the page has one', () => {
    const issue = Schema.safeParse({ name: '', active: true, ids: [] }).error!.issues[0]!;
    expect(formMessage(issue)).toBe('name: required');
    expect(formMessage(issue, { name: 'Workspace name' })).toBe('Workspace name: required');
    const nested = Schema.safeParse({ name: 'x', active: true, ids: ['nope'] }).error!.issues[0]!;
    expect(formMessage(nested)).toMatch(/^ids: /);
    const whole = z
      .object({})
      .refine(() => false, 'Choose something')
      .safeParse({}).error!.issues[0]!;
    expect(formMessage(whole)).toBe('Choose something');
  });
});

describe('parseForm', () => {
  const app = new Hono<AppEnv>()
    .use(refuseUnsafeText)
    .post('/form', async (c) => {
      const form = await parseForm(c, Schema, { lists: { tags: ',' } });
      return c.json(
        form.ok ? { data: form.data, values: form.values } : { message: form.message, values: form.values },
      );
    })
    .onError(onError);
  const post = (body: string, type = 'application/x-www-form-urlencoded') =>
    app.request('/form', { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });

  it('returns the data and the posted text to fill the form again', async () => {
    const res = await post(`name=Acme&active=on&ids=${A}&ids=${B}&tags=vip,beta&size=&_csrf=t`);
    expect(await res.json()).toEqual({
      data: { name: 'Acme', size: 25, active: true, ids: [A, B], tags: ['vip', 'beta'] },
      values: { name: 'Acme', active: 'on', ids: A, tags: 'vip,beta', size: '' },
    });
  });

  it('answers the first problem as a sentence, with what was typed', async () => {
    const res = await post('name=&note=kept');
    expect(await res.json()).toEqual({ message: 'name: required', values: { name: '', note: 'kept' } });
  });

  it('reads multipart forms the same way', async () => {
    const body = new FormData();
    body.append('name', 'Acme');
    body.append('ids[]', A);
    const res = await app.request('/form', { method: 'POST', body });
    expect((await res.json()).data).toMatchObject({ name: 'Acme', ids: [A], active: false });
  });

  it('never sees a NUL: the safe-text middleware refuses it first, in a value or a name', async () => {
    for (const bad of ['name=a%00b', 'tags=ok&tags=%00', 'na%00me=x']) {
      const res = await post(bad);
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toMatch(/^The field "/);
    }
  });

  it('never sees a lone surrogate: the bytes of a form decode to well-formed text', async () => {
    const res = await post('name=%ED%A0%80&note=x%ED%B0%80');
    const { values } = (await res.json()) as { values: Record<string, string> };
    expect(Object.values(values).every((v) => v.isWellFormed())).toBe(true);
  });
});
