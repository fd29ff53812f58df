import { Csrf } from '../../http/web/settings-shell';

/** A review source's apps or locations, each mappable to a product topic, as Settings > Sources shows them. */
export interface ReviewPlaces {
  places: { id: string; name: string | null; reviews: number; topicId: string | null }[];
  products: { id: string; name: string }[];
}

export function ReviewPlacesCard(p: {
  sourceId: string;
  use: ReviewPlaces;
  canManage: boolean;
  csrfToken: string | undefined;
}) {
  return (
    <section class="card stack" data-testid="review-places">
      <h2>Products and places</h2>
      <p class="muted">
        Which product each app or location's reviews are about: the ratings report, Reviews and the dashboard filter by
        it, for reviews stored before the choice too.
      </p>
      {p.use.places.length === 0 ? (
        <p class="muted">No reviews yet: the apps or locations appear here with the first ones.</p>
      ) : (
        <form class="stack" method="post" action={`/settings/sources/${p.sourceId}/places`}>
          <Csrf token={p.csrfToken} />
          {p.use.places.map((place) => (
            <label>
              {place.name ?? place.id}{' '}
              <span class="muted small">
                ({place.reviews} review{place.reviews === 1 ? '' : 's'})
              </span>
              <select name={`place.${place.id}`} disabled={!p.canManage}>
                <option value="">No product</option>
                {p.use.products.map((t) => (
                  <option value={t.id} selected={t.id === place.topicId}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {p.canManage ? <button type="submit">Save products</button> : null}
        </form>
      )}
    </section>
  );
}

/** A platform's daily units (YouTube's 10,000): used today and when the count starts again. */
export interface ApiQuota {
  used: number;
  limit: number;
  resetsAt: Date;
}

export function ApiQuotaCard(p: { quota: ApiQuota }) {
  const left = Math.max(0, p.quota.limit - p.quota.used);
  return (
    <section class="card stack" data-testid="api-quota">
      <h2>API quota today</h2>
      <p>
        {p.quota.used.toLocaleString('en')} of {p.quota.limit.toLocaleString('en')} units used;{' '}
        {left.toLocaleString('en')} left until{' '}
        <time datetime={p.quota.resetsAt.toISOString()}>midnight Pacific time</time>. Polling is planned to stay inside
        them: searches (100 units each) are spread over the day.
      </p>
      <meter min={0} max={p.quota.limit} value={p.quota.used} aria-label="Units used today" />
    </section>
  );
}
