/** Time is passed in, never read from a global inside rules, so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
