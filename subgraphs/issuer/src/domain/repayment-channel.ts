import type { LocalizedTextModel, PlatformModel } from '@cardweave/subgraph-kit';

export interface RepaymentChannelModel {
  platform: PlatformModel;
  channel: LocalizedTextModel;
}
