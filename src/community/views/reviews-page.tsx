import { when } from '../../http/web/settings-shell';
import { REVIEW_LIMITS } from '../reviews.service';
import { CommunityShell, MemberCsrf, type PublicBase } from './public-shell';

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

export interface ReviewsPageProps extends PublicBase {
  products: { id: string; name: string }[];
  productId: string | undefined;
  sort: string;
  list: {
    items: {
      id: string;
      rating: number;
      title: string;
      body: string;
      memberName: string;
      product: string;
      createdAt: Date;
      updatedAt: Date;
    }[];
    total: number;
    average: number | null;
    distribution: Record<1 | 2 | 3 | 4 | 5, number>;
  };
  mine: { topicId: string; rating: number; title: string; body: string } | null;
  error?: string | undefined;
  ok?: string | undefined;
}

/** Reviews: the average and the spread of ratings, the list, and the member's own review to write or edit. */
export function ReviewsPage(p: ReviewsPageProps) {
  const base = `/c/${p.slug}/reviews`;
  const max = Math.max(1, ...Object.values(p.list.distribution));
  const mine = p.mine;
  return (
    <CommunityShell {...p} title="Reviews" active="/reviews">
      <h1>Reviews</h1>
      {p.products.length === 0 ? (
        <div class="card empty">Reviews open once the team names its products.</div>
      ) : (
        <>
          <form class="row card" method="get" action={base}>
            <label>
              Product
              <select name="product">
                <option value="">All products</option>
                {p.products.map((pr) => (
                  <option value={pr.id} selected={pr.id === p.productId}>
                    {pr.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sort
              <select name="sort">
                {(
                  [
                    ['newest', 'Newest'],
                    ['highest', 'Highest rated'],
                    ['lowest', 'Lowest rated'],
                  ] as const
                ).map(([v, l]) => (
                  <option value={v} selected={p.sort === v}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Show</button>
          </form>
          <section class="card review-summary" data-testid="review-summary">
            <div class="score">
              <span class="score-value">{p.list.average === null ? '–' : p.list.average.toFixed(1)}</span>
              <span class="muted">
                out of 5 · {p.list.total} review{p.list.total === 1 ? '' : 's'}
              </span>
            </div>
            <table class="distribution" aria-label="Ratings">
              <tbody>
                {([5, 4, 3, 2, 1] as const).map((r) => (
                  <tr>
                    <th scope="row">{r} ★</th>
                    <td>
                      <meter min={0} max={max} value={p.list.distribution[r]} />
                    </td>
                    <td class="num">{p.list.distribution[r]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ol class="plain reviews" data-testid="reviews">
            {p.list.items.map((r) => (
              <li class="card review" id={`review-${r.id}`} data-testid="review">
                <div>
                  <span class="stars" role="img" aria-label={`${r.rating} out of 5`}>
                    {stars(r.rating)}
                  </span>{' '}
                  <strong>{r.title}</strong>
                </div>
                <div class="small muted">
                  {r.memberName} on {r.product} · {when(r.createdAt).slice(0, 10)}
                  {r.updatedAt.getTime() !== r.createdAt.getTime() ? ' (edited)' : ''}
                </div>
                <p>{r.body}</p>
              </li>
            ))}
          </ol>
          {p.member ? (
            <form method="post" action={base} class="card stack" data-testid="review-form">
              <h2>{mine ? 'Edit your review' : 'Write a review'}</h2>
              <MemberCsrf member={p.member} />
              <label>
                Product
                <select name="topicId">
                  {p.products.map((pr) => (
                    <option value={pr.id} selected={pr.id === (mine?.topicId ?? p.productId)}>
                      {pr.name}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset class="choices">
                <legend>Rating</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label class="check">
                    <input type="radio" name="rating" value={String(n)} required checked={mine?.rating === n} /> {n} ★
                  </label>
                ))}
              </fieldset>
              <label>
                Title
                <input name="title" required maxlength={REVIEW_LIMITS.title} value={mine?.title ?? ''} />
              </label>
              <label>
                Your review
                <textarea name="body" rows={4} required maxlength={REVIEW_LIMITS.body}>
                  {mine?.body ?? ''}
                </textarea>
              </label>
              <div>
                <button type="submit">{mine ? 'Save review' : 'Post review'}</button>
              </div>
            </form>
          ) : (
            <p>
              <a href={`/c/${p.slug}/login?next=${encodeURIComponent(base)}`}>Log in</a> to write a review.
            </p>
          )}
        </>
      )}
    </CommunityShell>
  );
}
