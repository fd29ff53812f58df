import { describe, expect, it } from 'vitest';
import { forgetGone, recheckBatch, rememberSeen } from './recheck';

describe('the recheck round of polled platforms', () => {
  it('asks about every remembered id in turn, and starts over after the last', () => {
    let state = rememberSeen(undefined, ['a', 'b', 'c', 'd', 'e']);
    const asked: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const b = recheckBatch(state, 2);
      asked.push(b.ids);
      state = b.state;
    }
    expect(asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'a'],
    ]);
    expect(recheckBatch(state, 2).ids).toEqual(['b', 'c']);
    expect(recheckBatch(state, 9).ids).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('goes on where it was when new ids arrive in front, so a busy source still reaches its older ids', () => {
    let state = rememberSeen(undefined, ['a', 'b', 'c', 'd']);
    state = recheckBatch(state, 2).state;
    // Two new posts each sweep, as many as the batch: the round must still get to c and d.
    state = rememberSeen(state, ['x', 'y']);
    expect(recheckBatch(state, 2).ids).toEqual(['c', 'd']);
  });

  it('keeps the newest ids within the limit, each once, and forgets the ones found gone', () => {
    const state = rememberSeen(rememberSeen(undefined, ['a', 'b', 'c'], 4), ['d', 'a', 'e'], 4);
    expect(state.ids).toEqual(['d', 'a', 'e', 'b']);
    expect(forgetGone(state, ['a', 'b']).ids).toEqual(['d', 'e']);
  });
});
