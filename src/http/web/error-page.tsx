import { useT } from './i18n';
import { Document } from './layout';
import { web } from './messages';

/** The HTML twin of the JSON error shape, for people in a browser. */
export function ErrorPage(props: { status: number; code: string; message: string; requestId?: string | undefined }) {
  const { t } = useT();
  return (
    <Document title={t(web.errorTitle, { status: props.status })}>
      <div class="auth">
        <div class="card">
          <h1>
            {t(props.status === 404 ? web.errorNotFound : props.status === 403 ? web.errorForbidden : web.errorOther)}
          </h1>
          <p>{props.message}</p>
          <p class="muted">
            {props.code}
            {props.requestId ? ` · ${t(web.errorRequest, { id: props.requestId })}` : ''}
          </p>
          <p>
            <a href="/">{t(web.errorBack)}</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
