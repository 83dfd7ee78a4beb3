/** Tests stand at a fixed instant, so windows, bills and overdue days are the same on every run. */
export const TEST_NOW = '2026-11-26T06:00:00.000Z';
