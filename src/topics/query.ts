/**
 * The tracked-topic query language, shared by every platform:
 *   acme "acme cloud" #acme @acmehq -job -"now hiring" (widget OR gadget)
 * Words and phrases side by side must all appear (AND); OR binds looser than AND; a leading `-`
 * excludes; parentheses group. Parsing is pure and total: bad input gives a QueryError with a
 * position, never a crash.
 */
export type QueryNode =
  | { type: 'term'; value: string }
  | { type: 'phrase'; value: string }
  | { type: 'hashtag'; value: string }
  | { type: 'handle'; value: string }
  | { type: 'not'; child: QueryNode }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] };

export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  | { kind: 'word'; value: string; pos: number }
  | { kind: 'phrase'; value: string; pos: number }
  | { kind: 'or'; pos: number }
  | { kind: 'not'; pos: number }
  | { kind: 'lparen'; pos: number }
  | { kind: 'rparen'; pos: number };

export const MAX_QUERY_LENGTH = 1000;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i });
      i++;
    } else if (ch === '"' || ch === '“' || ch === '”') {
      const start = i;
      i++;
      let value = '';
      while (i < input.length && !'"“”'.includes(input[i]!)) value += input[i++];
      if (i >= input.length) throw new QueryError('Unclosed quote', start);
      i++;
      if (!value.trim()) throw new QueryError('Empty phrase', start);
      tokens.push({ kind: 'phrase', value: value.trim().replace(/\s+/g, ' '), pos: start });
    } else if (ch === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      tokens.push({ kind: 'not', pos: i });
      i++;
    } else {
      const start = i;
      let value = '';
      while (i < input.length && !/[\s()"“”]/.test(input[i]!)) value += input[i++];
      tokens.push(value === 'OR' || value === '|' ? { kind: 'or', pos: start } : { kind: 'word', value, pos: start });
    }
  }
  return tokens;
}

/** Parses a topic query into a tree; throws QueryError with the position of the problem. */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH)
    throw new QueryError(`Query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  const tokens = tokenize(input);
  if (tokens.length === 0) throw new QueryError('Query is empty', 0);
  let at = 0;

  const peek = () => tokens[at];

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek()?.kind === 'or') {
      const orTok = tokens[at++]!;
      if (!peek() || peek()!.kind === 'rparen' || peek()!.kind === 'or')
        throw new QueryError('OR needs something on both sides', orTok.pos);
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  function parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    while (peek() && peek()!.kind !== 'or' && peek()!.kind !== 'rparen') children.push(parseUnary());
    if (children.length === 0)
      throw new QueryError('Expected a word, phrase, #hashtag or @handle', peek()?.pos ?? input.length);
    if (children.every((c) => c.type === 'not')) {
      throw new QueryError('A query needs at least one word to look for, not only exclusions', peek()?.pos ?? 0);
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  function parseUnary(): QueryNode {
    const tok = peek()!;
    if (tok.kind === 'not') {
      at++;
      if (!peek() || peek()!.kind === 'or' || peek()!.kind === 'rparen')
        throw new QueryError('Nothing to exclude after -', tok.pos);
      return { type: 'not', child: parseAtom() };
    }
    return parseAtom();
  }

  function parseAtom(): QueryNode {
    const tok = tokens[at++];
    if (!tok) throw new QueryError('Unexpected end of query', input.length);
    switch (tok.kind) {
      case 'lparen': {
        const inner = parseOr();
        if (peek()?.kind !== 'rparen') throw new QueryError('Unclosed parenthesis', tok.pos);
        at++;
        return inner;
      }
      case 'phrase':
        return { type: 'phrase', value: normalize(tok.value) };
      case 'word':
        return wordNode(tok.value, tok.pos);
      default:
        throw new QueryError(`Unexpected ${tok.kind === 'rparen' ? ')' : tok.kind === 'or' ? 'OR' : '-'}`, tok.pos);
    }
  }

  const tree = parseOr();
  if (at < tokens.length) throw new QueryError('Unexpected )', tokens[at]!.pos);
  return tree;
}

function wordNode(raw: string, pos: number): QueryNode {
  if (raw.startsWith('#')) {
    const tag = normalize(raw.slice(1));
    if (!/^[\p{L}\p{N}_]+$/u.test(tag)) throw new QueryError(`Not a hashtag: ${raw}`, pos);
    return { type: 'hashtag', value: tag };
  }
  if (raw.startsWith('@')) {
    const handle = normalize(raw.slice(1));
    if (!/^[\p{L}\p{N}_.@-]+$/u.test(handle)) throw new QueryError(`Not a handle: ${raw}`, pos);
    return { type: 'handle', value: handle };
  }
  const word = normalize(raw);
  return word.includes(' ') ? { type: 'phrase', value: word } : { type: 'term', value: word };
}

/** Case- and width-insensitive form used by both the parser and the matcher. */
export const normalize = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/** The query written back in canonical form (for display and as a stable key). */
export function formatQuery(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.value;
    case 'phrase':
      return `"${node.value}"`;
    case 'hashtag':
      return `#${node.value}`;
    case 'handle':
      return `@${node.value}`;
    case 'not':
      return node.child.type === 'and' || node.child.type === 'or'
        ? `-(${formatQuery(node.child)})`
        : `-${formatQuery(node.child)}`;
    case 'and':
      return node.children.map((c) => (c.type === 'or' ? `(${formatQuery(c)})` : formatQuery(c))).join(' ');
    case 'or':
      return node.children.map(formatQuery).join(' OR ');
  }
}
