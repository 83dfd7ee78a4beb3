import { readConfig } from '../environment/read';
import { setupTracing } from '../observability/tracing';

/**
 * Runs one service as its own process (docker-compose, or several replicas side by side):
 * reads its settings from the environment, starts, and stops cleanly on SIGTERM.
 */
export async function runStandalone(name: string, start: () => Promise<{ url: string; stop(): Promise<void> }>): Promise<void> {
  try {
    // Every variable is checked before anything starts, so all bad values are named at once.
    readConfig(process.env);
    // Traces go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set (see observability/tracing.ts).
    await setupTracing({ serviceName: `cardweave-${name}` });
    const service = await start();
    console.log(JSON.stringify({ level: 'info', service: name, msg: 'listening', url: service.url }));
    const shutdown = async () => {
      await service.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    console.error(JSON.stringify({ level: 'fatal', service: name, msg: (error as Error).message }));
    process.exit(1);
  }
}
