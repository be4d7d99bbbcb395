import type { Engine } from './Engine.js';

/**
 * What an event does when it fires: called with the engine (so it can read `now` and schedule more) and
 * the payload given at scheduling time. A handler shared by many events plus a small payload avoids
 * allocating a closure per event.
 */
export type EventHandler<T> = (engine: Engine, payload: T) => void;
