/**
 * The platforms' in-process simulators as the adapters' HTTP clients, for the embedded
 * demo and the tests: no JD Finance is reachable from a laptop. One simulator per
 * platform for the life of the system, so its state (and its dedupe by order number)
 * persists across requests. Platforms without a simulator here use real HTTP.
 */
import { fetchHttpClient, type Clock, type HttpClient } from '@cardweave/adapter-sdk';
import { JdFinanceSimulator } from '@cardweave/adapter-jd-finance/simulator';
import { QuickPassSimulator } from '@cardweave/adapter-unionpay-quickpass/simulator';
import { WechatPaySimulator } from '@cardweave/adapter-wechat-pay/simulator';

const SIMULATORS: Record<string, (clock: Clock) => HttpClient> = {
  'jd-finance': (clock) => new JdFinanceSimulator(clock),
  'wechat-pay': (clock) => new WechatPaySimulator(clock),
  'unionpay-quickpass': (clock) => new QuickPassSimulator(clock),
};

export function simulatedPlatforms(clock: Clock): (adapterId: string) => HttpClient {
  const real = fetchHttpClient();
  const running = new Map<string, HttpClient>();
  return (adapterId) => {
    const make = SIMULATORS[adapterId];
    if (!make) return real;
    let client = running.get(adapterId);
    if (!client) {
      client = make(clock);
      running.set(adapterId, client);
    }
    return client;
  };
}
