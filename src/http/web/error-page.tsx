import { Document } from './layout';

/** The HTML twin of the JSON error shape, for people in a browser. */
export function ErrorPage(props: { status: number; code: string; message: string; requestId?: string | undefined }) {
  return (
    <Document title={`Error ${props.status}`}>
      <div class="auth">
        <div class="card">
          <h1>{props.status === 404 ? 'Not found' : props.status === 403 ? 'Not allowed' : 'Something went wrong'}</h1>
          <p>{props.message}</p>
          <p class="muted">
            {props.code}
            {props.requestId ? ` · request ${props.requestId}` : ''}
          </p>
          <p>
            <a href="/">Back to the app</a>
          </p>
        </div>
      </div>
    </Document>
  );
}
