import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus counters, one registry per app instance (tests build many apps in one process).
 * The domain counters are created here so /metrics shows them at zero before the first event.
 */
export function createMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    postsIngested: new Counter({
      name: 'social_posts_ingested_total',
      help: 'Mentions stored from connectors, by platform',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    repliesSent: new Counter({
      name: 'social_replies_sent_total',
      help: 'Replies posted to a platform',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    repliesFailed: new Counter({
      name: 'social_replies_failed_total',
      help: 'Replies that failed permanently',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    pollErrors: new Counter({
      name: 'social_poll_errors_total',
      help: 'Connector polls that failed, by platform',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'jobs_runs_total',
      help: 'Scheduled job runs, by job and outcome',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
