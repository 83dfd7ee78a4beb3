/**
 * The example operations as typed documents: the text of client/operations/*.graphql with the
 * result and variable types `npm run client:codegen` wrote to client/generated/operations.ts.
 * Any client that takes a TypedDocumentNode (Apollo Client, urql) then checks both. Pay spreads
 * the card view's CardPayableNow fragment, so its document carries that definition too, appended
 * as the gateway and the card page append it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@apollo/client';
import { fragmentDefinitions, withFragments } from '@cardweave/service-kit/with-fragments';
import type { CardViewQuery, CardViewQueryVariables, PayMutation, PayMutationVariables } from '../generated/operations';

const read = (file: string): string => readFileSync(path.join(__dirname, '../operations', file), 'utf8');

const cardView = read('card-view.graphql');
const cardViewFragments = fragmentDefinitions(cardView);

export const CardView = parse(cardView) as TypedDocumentNode<CardViewQuery, CardViewQueryVariables>;
export const Pay = parse(withFragments(read('pay.graphql'), cardViewFragments)) as TypedDocumentNode<PayMutation, PayMutationVariables>;
