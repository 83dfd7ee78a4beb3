import type { LocalizedTextModel, PlatformModel } from '../../../shared/src/graphql/platform';

export interface RepaymentChannelModel {
  platform: PlatformModel;
  channel: LocalizedTextModel;
}
