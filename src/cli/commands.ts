import { constants, createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type Actor, ownerActor } from '../core/actor';
import {
  createApiKey,
  workspaceBySlug,
  listWorkspaces,
  createWorkspaceWithOwner,
  findAccountByEmail,
  setAccountPassword,
  createUser,
} from '../accounts';
import type { Argon2Params } from '../accounts';
import { ROLES } from '../core/roles';
import { newSecret } from '../core/tokens';
import { AppError } from '../core/errors';
import { issueMemberLink } from '../community';
import { createImport, runImport, formatFromFilename, parseMappingText } from '../imports';
import { parseContactMappingText, createContactImport, runContactImport } from '../contacts';
import { reanalyzeMentions } from '../reanalysis';
import { rebuildRollups } from '../reports';
import { ANALYSIS_VERSION } from '../sentiment';
import type { Db } from '../db/types';
import { createInProcessRunner, type JobDeps, SCHEDULED_JOBS } from '../jobs';

export interface CliDeps {
  db: Db;
  out: (line: string) => void;
  passwordParams?: Argon2Params;
  jobDeps?: JobDeps;
  defaultWorkspaceName: string;
}

export class CliError extends Error {
  override name = 'CliError';
}

export const USAGE = `Usage: npm run cli -- <command> [options]

  migrate                                  apply pending database migrations (also done at start)
  create-user --email E --role R [--password P] [--name N] [--workspace SLUG]
                                           add a staff user (R: ${ROLES.join(', ')}); without a
                                           password one is generated and printed
  reset-password --email E [--password P]  set a new password and end the user's sessions
  member-link --email E [--reset] [--workspace SLUG]
                                           print a community member's email confirmation (or
                                           password reset) link, for boards without SMTP_URL
  create-api-key --name N [--role R] [--workspace SLUG]
                                           print a new API key (shown once)
  import-mentions --file PATH [--format csv|jsonl] [--map field=column,...] [--workspace SLUG] [--inbox]
                                           import exported mentions, showing progress and bad rows
                                           (--inbox: each one also opens an inbox conversation)
  import-contacts FILE [--map field=column,...] [--workspace SLUG]
                                           import contacts from another CRM's CSV export, showing
                                           progress and bad rows (field: name, email, company,
                                           ..., or custom:<key>)
  reanalyze                                re-score mentions analysed by an older analyzer version
                                           (or waiting after a vocabulary change), each with its
                                           workspace's vocabulary, in batches, with progress
  rebuild-reports [--workspace SLUG]       recount the report rollups from the mentions (every
                                           workspace unless one is named), month by month
  run-job ID                               run a scheduled job now (${SCHEDULED_JOBS.map((j) => j.id).join(', ')})`;

const options = {
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  workspace: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string' },
  map: { type: 'string' },
  reset: { type: 'boolean' },
  inbox: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// The CLI runs with shell access to the server: it may do what an owner may do.
const cliActor = (ws: { id: string; slug: string }): Actor => ownerActor(ws, null, 'cli');

const need = <T>(value: T | undefined, flag: string): T => {
  if (value === undefined || value === '') throw new CliError(`Missing --${flag}`);
  return value;
};

const parseWith = <T extends z.ZodType>(schema: T, value: unknown, flag: string): z.output<T> => {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`Invalid --${flag}: ${r.error.issues[0]!.message}`);
  return r.data;
};

async function pickWorkspace(db: Db, slug: string | undefined) {
  if (slug) {
    const ws = await workspaceBySlug(db, slug);
    if (!ws) throw new CliError(`No workspace with slug ${slug}`);
    return ws;
  }
  const all = await listWorkspaces(db, 2);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) return null;
  throw new CliError('Several workspaces exist: name one with --workspace SLUG');
}

/** Runs one CLI command against an open database; migrate is handled by the entry before this. */
export async function runCommand(argv: string[], deps: CliDeps): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  const { db, out } = deps;
  if (!command || values.help) return out(USAGE);

  switch (command) {
    case 'migrate':
      return out('Migrations are up to date.');
    case 'create-user': {
      const email = parseWith(z.email(), need(values.email, 'email'), 'email');
      const role = parseWith(z.enum(ROLES), need(values.role, 'role'), 'role');
      const generated = !values.password;
      const password = parseWith(
        z.string().min(12, 'at least 12 characters'),
        values.password ?? newSecret(12),
        'password',
      );
      const ws = await pickWorkspace(db, values.workspace);
      const existing = await findAccountByEmail(db, email);
      if (!ws) {
        if (role !== 'owner') throw new CliError('No workspace exists yet: the first user must have --role owner');
        const { workspace } = await createWorkspaceWithOwner(
          db,
          { workspaceName: deps.defaultWorkspaceName, email, name: values.name ?? '', password },
          deps.passwordParams,
        );
        out(`Created workspace ${workspace.slug} and owner ${email}`);
      } else {
        await createUser(db, cliActor(ws), { email, role, password, name: values.name ?? '' }, deps.passwordParams);
        out(`Created ${role} ${email} in workspace ${ws.slug}`);
      }
      // One login per email across workspaces: joining another workspace never changes its password.
      if (existing) out(`${email} already signs in to another workspace: its password is unchanged`);
      else if (generated) out(`Password: ${password}`);
      return;
    }
    case 'reset-password': {
      const email = need(values.email, 'email');
      const account = await findAccountByEmail(db, email);
      if (!account) throw new CliError(`No user with email ${email}`);
      const generated = !values.password;
      const password = parseWith(
        z.string().min(12, 'at least 12 characters'),
        values.password ?? newSecret(12),
        'password',
      );
      await setAccountPassword(db, account.id, password, deps.passwordParams, { ip: 'cli' });
      out(`Password reset for ${account.email}; their sessions were ended in every workspace`);
      if (generated) out(`Password: ${password}`);
      return;
    }
    case 'member-link': {
      const email = need(values.email, 'email');
      const ws = await pickWorkspace(db, values.workspace);
      if (!ws) throw new CliError('No workspace exists yet');
      const purpose = values.reset ? 'reset' : 'verify';
      const path = await issueMemberLink(db, ws, email, purpose, new Date());
      const what = purpose === 'reset' ? 'Password reset' : 'Email confirmation';
      out(`${what} link for ${email}, after the board's address; for them alone, it works once:`);
      out(path);
      return;
    }
    case 'create-api-key': {
      const name = need(values.name, 'name');
      const role = parseWith(z.enum(['admin', 'agent', 'analyst']), values.role ?? 'agent', 'role');
      const ws = await pickWorkspace(db, values.workspace);
      if (!ws) throw new CliError('No workspace exists yet');
      const { key } = await createApiKey(db, cliActor(ws), { name, role });
      out(`API key for ${ws.slug} (${role}); it is shown only now:`);
      out(key);
      return;
    }
    case 'import-mentions': {
      const file = need(values.file, 'file');
      const format = parseWith(z.enum(['csv', 'jsonl']), values.format ?? formatFromFilename(file) ?? 'csv', 'format');
      const mapping = parseMappingText(values.map ?? '', (pair) => `Invalid --map entry ${pair}`);
      const ws = await pickWorkspace(db, values.workspace);
      if (!ws) throw new CliError('No workspace exists yet');
      if (!deps.jobDeps) throw new CliError('Imports are not available here');
      await access(file, constants.R_OK).catch(() => {
        throw new CliError(`Cannot read ${file}`);
      });
      // Streamed: a 50 MiB export is stored piece by piece, never read whole.
      const row = await createImport(
        db,
        cliActor(ws),
        {
          filename: basename(file),
          format,
          mapping,
          content: createReadStream(file),
          openConversations: values.inbox === true,
        },
        deps.jobDeps,
      );
      const progress = progressPrinter(out);
      const done = await runImport(deps.jobDeps, row.id, (r) =>
        // By bytes: the file is read as a stream, so its row count is known only at the end.
        progress(
          r.readBytes,
          r.size ?? 0,
          `bytes read: ${r.processed} rows, ${r.inserted} new, ${r.duplicates} already stored, ${r.failed} bad`,
        ),
      );
      if (done?.status !== 'done')
        throw new CliError(`Import failed: ${done?.error ?? 'it is already running elsewhere'}`);
      for (const e of done.errors.slice(0, 20)) out(`line ${e.line}: ${e.message}`);
      if (done.failed > 20)
        out(`... and ${done.failed - 20} more bad rows (GET /api/v1/imports/${done.id} lists up to 1000)`);
      out(
        `Imported ${done.inserted} new mentions from ${file} ` +
          `(${done.duplicates} already stored, ${done.failed} bad rows)`,
      );
      return;
    }
    case 'import-contacts': {
      const file = need(rest[0] ?? values.file, 'file (or FILE as the first argument)');
      const mapping = parseContactMappingText(values.map ?? '', (pair) => `Invalid --map entry ${pair}`);
      const ws = await pickWorkspace(db, values.workspace);
      if (!ws) throw new CliError('No workspace exists yet');
      if (!deps.jobDeps) throw new CliError('Imports are not available here');
      const content = await readFile(file, 'utf8').catch(() => {
        throw new CliError(`Cannot read ${file}`);
      });
      const actor = cliActor(ws);
      const row = await createContactImport(db, actor, { filename: basename(file), content, mapping });
      out(
        `Columns: ${Object.entries(row.mapping)
          .map(([field, column]) => `${field}=${column}`)
          .join(', ')}`,
      );
      const progress = progressPrinter(out);
      const done = await runContactImport(deps.jobDeps, actor, row.id, {
        onProgress: (r) => {
          if (r.status === 'running' && r.total) progress(r.processed, r.total, `rows checked, ${r.failed} bad`);
        },
      });
      if (done?.status !== 'done')
        throw new CliError(`Import failed, nothing was imported: ${done?.error ?? 'it is already running elsewhere'}`);
      for (const e of done.errors.slice(0, 20)) out(`line ${e.line}: ${e.message}`);
      if (done.failed > 20)
        out(`... and ${done.failed - 20} more bad rows (GET /api/v1/contacts/imports/${done.id} lists up to 1000)`);
      out(
        `Imported ${done.imported} new contacts from ${file} ` +
          `(${done.merged} rows merged by email, ${done.failed} bad rows)`,
      );
      return;
    }
    case 'reanalyze': {
      const progress = progressPrinter(out);
      const r = await reanalyzeMentions(db, { onProgress: ({ done, total }) => progress(done, total, 'mentions') });
      out(`Re-analysed ${r.done} mentions with analyzer version ${ANALYSIS_VERSION}`);
      return;
    }
    case 'rebuild-reports': {
      const list = values.workspace ? [(await pickWorkspace(db, values.workspace))!] : await listWorkspaces(db);
      for (const ws of list) {
        const progress = progressPrinter(out);
        const r = await rebuildRollups(db, ws.id, ({ done, total }) => progress(done, total, `months of ${ws.slug}`));
        out(`Rebuilt the report rollups of ${ws.slug} (${r.total} months)`);
      }
      return;
    }
    case 'run-job': {
      const id = need(rest[0], 'job id (positional)');
      if (!deps.jobDeps) throw new CliError('Jobs are not available here');
      const outcome = await createInProcessRunner(deps.jobDeps, SCHEDULED_JOBS).runNow(id);
      if (!outcome.ok)
        throw new CliError(`Job ${id} failed: ${String((outcome.error as Error)?.message ?? outcome.error)}`);
      out(JSON.stringify(outcome.result));
      return;
    }
    default:
      throw new CliError(`Unknown command ${command}\n\n${USAGE}`);
  }
}

/** Prints "40% (400/1000 rows, ...)" at each new tenth and at the end, not for every batch. */
function progressPrinter(out: (line: string) => void) {
  let shown = -1;
  return (done: number, total: number, what: string) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (pct !== shown && (pct % 10 === 0 || done === total)) {
      shown = pct;
      out(`${pct}% (${done}/${total} ${what})`);
    }
  };
}

/** Domain errors read as one plain line on the terminal. */
export const cliMessage = (err: unknown) =>
  err instanceof CliError || err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
