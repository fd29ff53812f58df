import { useT } from '../../http/web/i18n';
import { Csrf } from '../../http/web/settings-shell';
import { sourcesMessages as m } from '../messages';

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
  const { t } = useT();
  return (
    <section class="card stack" data-testid="review-places">
      <h2>{t(m.placesTitle)}</h2>
      <p class="muted">{t(m.placesIntro)}</p>
      {p.use.places.length === 0 ? (
        <p class="muted">{t(m.placesEmpty)}</p>
      ) : (
        <form class="stack" method="post" action={`/settings/sources/${p.sourceId}/places`}>
          <Csrf token={p.csrfToken} />
          {p.use.places.map((place) => (
            <label>
              {place.name ?? place.id} <span class="muted small">{t(m.placeReviews, { count: place.reviews })}</span>
              <select name={`place.${place.id}`} disabled={!p.canManage}>
                <option value="">{t(m.noProduct)}</option>
                {p.use.products.map((topic) => (
                  <option value={topic.id} selected={topic.id === place.topicId}>
                    {topic.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {p.canManage ? <button type="submit">{t(m.saveProducts)}</button> : null}
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
  const { t, number } = useT();
  const left = Math.max(0, p.quota.limit - p.quota.used);
  return (
    <section class="card stack" data-testid="api-quota">
      <h2>{t(m.quotaTitle)}</h2>
      <p>
        {t(m.quotaUsed, { used: number(p.quota.used), limit: p.quota.limit, left: number(left) })}{' '}
        <time datetime={p.quota.resetsAt.toISOString()}>{t(m.quotaMidnight)}</time>
        {t(m.quotaPlan, { cost: 100 })}
      </p>
      <meter min={0} max={p.quota.limit} value={p.quota.used} aria-label={t(m.quotaMeter)} />
    </section>
  );
}
