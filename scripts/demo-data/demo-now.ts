/**
 * The instant the demo stands at when it is pinned: `npm run mock` by default, and the README's
 * example query and its numbers (`npm run readme:example`). The demo data is a function of the
 * seed and this instant only.
 */
export const DEMO_NOW = '2026-11-26T06:00:00.000Z';
