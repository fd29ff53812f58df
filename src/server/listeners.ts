import {
  activeStaffIn,
  MAIL_QUEUED,
  sendDueMail,
  WORKSPACE_TIME_ZONE_CHANGED,
  type WorkspaceTimeZoneChanged,
} from '../accounts';
import type { EventBus } from '../core/events';
import type { Db } from '../db/types';
import type { AppDeps } from '../http/env';
import { announceLive, LIVE_EVENT_NAMES, notify } from '../inbox';
import { platformLabel } from '../http/web/format';
import { processWebhooks, SOURCE_NEEDS_PERSON, type SourceNeedsPerson, WEBHOOKS_RECEIVED } from '../sources';
import { reanalyzeMarked } from '../reanalysis';
import { recountInNewTimeZone } from '../reports';
import { VOCABULARY_CHANGED } from '../vocabulary';

/**
 * Who hears which event after commit (core/events.ts). Composition decides: the feature that emits an
 * event does not know its listeners. Each listener has a stable id (Inngest names its function after it).
 */
export function registerListeners(deps: AppDeps): void {
  registerFlowListeners(deps.events, deps.db);
  // Queued mail is sent now; the scheduled sender finds it anyway if this process stops first.
  deps.events.on(
    MAIL_QUEUED,
    'send-queued-mail',
    oneAtATime(() => sendDueMail(deps)),
  );
  // A source that needs a person (reconnect, grant a permission): its workspace's owners and admins are told.
  deps.events.on(SOURCE_NEEDS_PERSON, 'notify-source-admins', async (e) => {
    const s = e.data as SourceNeedsPerson;
    const admins = await activeStaffIn(deps.db, s.workspaceId, ['owner', 'admin']);
    await notify(
      deps.db,
      admins.map((a) => ({
        workspaceId: s.workspaceId,
        userId: a.id,
        kind: 'source_needs_person' as const,
        // Values, not words: each admin reads it in their own language (inbox/notification-text.ts).
        values: s.expiresAt
          ? { platform: platformLabel(s.platform), name: s.name, ended: s.soon ? 'no' : 'yes', expiresAt: s.expiresAt }
          : { platform: platformLabel(s.platform), name: s.name, reason: s.reason },
      })),
    );
  });
  // A webhook delivery is stored now; the scheduled job finds it anyway if this process stops first.
  deps.events.on(
    WEBHOOKS_RECEIVED,
    'process-webhooks',
    oneAtATime(() => processWebhooks(deps)),
  );
  // A vocabulary change marked its mentions in its own transaction; the scheduled job finds them too if this
  // process stops first. One run at a time: a burst of changes is one more run, which sees them all.
  deps.events.on(
    VOCABULARY_CHANGED,
    'reanalyze-vocabulary',
    oneAtATime(() => reanalyzeMarked(deps.db)),
  );
  // A new time zone moves mentions to other days: the workspace's rollups are recounted month by month, after
  // the settings' commit (idempotent, so Inngest may retry it; a crash midway: `rebuild-reports` or the next
  // change recounts it all). Each month is counted by the zone as it then stands.
  deps.events.on(WORKSPACE_TIME_ZONE_CHANGED, 'recount-reports-time-zone', (e) =>
    recountInNewTimeZone(deps, (e.data as WorkspaceTimeZoneChanged['data']).workspaceId),
  );
}

/**
 * What hears the one flow's events (ingest/pipeline.ts), also where no app runs (the CLI's jobs).
 * The live stream announces opened and continued conversations to open pages; it runs in this process
 * even with Inngest (a page refresh makes up for a missed one).
 */
export function registerFlowListeners(events: EventBus, db: Db): void {
  for (const name of LIVE_EVENT_NAMES) events.on(name, 'live-inbox', (e) => announceLive(db, e), { here: true });
}

/**
 * Many events in a burst wake one run, not one run each: a call while a run is going asks for one more
 * run after it (which sees whatever the burst queued); every caller gets the last run's result.
 */
export function oneAtATime(run: () => Promise<unknown>): () => Promise<unknown> {
  let current: Promise<unknown> | null = null;
  let again = false;
  const loop = async () => {
    let last: unknown;
    try {
      do {
        again = false;
        last = await run();
      } while (again);
      return last;
    } finally {
      current = null;
    }
  };
  return () => {
    if (current) {
      again = true;
      return current;
    }
    current = loop();
    return current;
  };
}
