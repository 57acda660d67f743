/**
 * The promise finder: commitments with a time in a sent reply ("I'll call you back by 8pm tomorrow"), with
 * their due time on the agent's clock. Pure; runs in Node, content scripts and the service worker.
 */
export { findPromises, LIMITS as PROMISE_LIMITS, VAGUE_MESSAGE, IMPOSSIBLE_MESSAGE } from './find';
export { promiseScanSchema, foundPromiseSchema, timeNudgeSchema } from './types';
export type { DateLocale, FindOptions, FoundPromise, TimeNudge, PromiseScan } from './types';
export { formatIso, offsetOfIso } from './zones';
