import { useT } from '../../http/web/i18n';
import { board } from '../board.messages';
import { REVIEW_LIMITS } from '../reviews.service';
import { CommunityShell, MemberCsrf, type PublicBase, WithLink } from './public-shell';

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
  const product = p.products.find((pr) => pr.id === p.productId);
  const { t, date, number } = useT();
  return (
    <CommunityShell {...p} title={t(board.reviews)} active="/reviews">
      <h1>{t(board.reviews)}</h1>
      {p.products.length === 0 ? (
        <div class="card empty">{t(board.reviewsClosed)}</div>
      ) : (
        <>
          <form class="row card" method="get" action={base}>
            <label>
              {t(board.product)}
              <select name="product">
                <option value="">{t(board.allProducts)}</option>
                {p.products.map((pr) => (
                  <option value={pr.id} selected={pr.id === p.productId}>
                    {pr.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t(board.sort)}
              <select name="sort">
                {(['newest', 'highest', 'lowest'] as const).map((v) => (
                  <option value={v} selected={p.sort === v}>
                    {t(board.reviewSort, { sort: v })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t(board.show)}</button>
          </form>
          <section class="card review-summary" data-testid="review-summary">
            <div class="score">
              <span class="score-value">
                {p.list.average === null
                  ? '–'
                  : number(p.list.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
              </span>
              <span class="muted">{t(board.outOfFive, { count: p.list.total })}</span>
            </div>
            <table class="distribution" aria-label={t(board.ratings)}>
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
          {p.list.items.length === 0 ? (
            <p class="card empty" data-testid="no-reviews">
              {product ? t(board.noReviewsOf, { product: product.name }) : t(board.noReviews)}
            </p>
          ) : null}
          <ol class="plain reviews" data-testid="reviews">
            {p.list.items.map((r) => (
              <li class="card review" id={`review-${r.id}`} data-testid="review">
                <div>
                  <span class="stars" role="img" aria-label={t(board.stars, { rating: r.rating })}>
                    {stars(r.rating)}
                  </span>{' '}
                  <strong>{r.title}</strong>
                </div>
                <div class="small muted">
                  {t(board.memberOnProduct, { member: r.memberName, product: r.product })} · {date(r.createdAt)}
                  {r.updatedAt.getTime() !== r.createdAt.getTime() ? ` ${t(board.edited)}` : ''}
                </div>
                <p dir="auto">{r.body}</p>
              </li>
            ))}
          </ol>
          {p.member ? (
            <form method="post" action={base} class="card stack" data-testid="review-form">
              <h2>{mine ? t(board.editReview) : t(board.writeReview)}</h2>
              <MemberCsrf member={p.member} />
              <label>
                {t(board.product)}
                <select name="topicId">
                  {p.products.map((pr) => (
                    <option value={pr.id} selected={pr.id === (mine?.topicId ?? p.productId)}>
                      {pr.name}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset class="choices">
                <legend>{t(board.rating)}</legend>
                {[1, 2, 3, 4, 5].map((n) => (
                  <label class="check">
                    <input type="radio" name="rating" value={String(n)} required checked={mine?.rating === n} /> {n} ★
                  </label>
                ))}
              </fieldset>
              <label>
                {t(board.title)}
                <input name="title" required maxlength={REVIEW_LIMITS.title} value={mine?.title ?? ''} />
              </label>
              <label>
                {t(board.yourReview)}
                <textarea name="body" rows={4} required maxlength={REVIEW_LIMITS.body}>
                  {mine?.body ?? ''}
                </textarea>
              </label>
              <div>
                <button type="submit">{t(mine ? board.saveReview : board.postReview)}</button>
              </div>
            </form>
          ) : (
            <p>
              <WithLink
                message={board.logInToReview}
                href={`/c/${p.slug}/login?next=${encodeURIComponent(base)}`}
                link={t(board.logInLink)}
              />
            </p>
          )}
        </>
      )}
    </CommunityShell>
  );
}
