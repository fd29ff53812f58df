import { describe, expect, it } from 'vitest';
import { renderTemplate, unknownVariables } from './template';

const ctx = { authorName: 'Ana María Silva', authorHandle: 'anams', company: 'Acme', agentName: 'Sam Lee' };

describe('saved-reply variables', () => {
  it('fills names, handle, company and the agent', () => {
    expect(
      renderTemplate('Hi {{first_name}} {{ last_name }} ({{handle}} at {{company}}), {{agent_first_name}} here.', ctx),
    ).toBe('Hi Ana Silva (@anams at Acme), Sam here.');
  });

  it('falls back to the handle when the profile has no name', () => {
    expect(renderTemplate('Hi {{first_name}}!', { ...ctx, authorName: null })).toBe('Hi @anams!');
  });

  it('lists unknown variables so a typo is refused when saving', () => {
    expect(unknownVariables('Hi {{firstname}} and {{name}} {{agnet}}')).toEqual(['firstname', 'agnet']);
  });
});
