/** A verification step of the issuer adapter as an issuance shows it: its fields and whether it passed. */
import type { VerificationStep } from '@cardweave/adapter-sdk';
import { localized, type LocalizedTextModel } from '@cardweave/subgraph-kit';

export interface IssuanceStepModel {
  id: string;
  kind: string;
  label: LocalizedTextModel;
  fields: Array<{ name: string; kind: string; label: LocalizedTextModel; secret: boolean }>;
  passed: boolean;
}

export function issuanceStep(step: VerificationStep, passedSteps: readonly string[]): IssuanceStepModel {
  return {
    id: step.id,
    kind: step.kind,
    label: localized(step.label),
    fields: step.fields.map((f) => ({ name: f.name, kind: f.kind, label: localized(f.label), secret: f.secret })),
    passed: passedSteps.includes(step.id),
  };
}
