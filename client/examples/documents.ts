/**
 * The example operations as typed documents: the text of client/operations/*.graphql with the
 * result and variable types `npm run client:codegen` wrote to client/generated/operations.ts.
 * Any client that takes a TypedDocumentNode (Apollo Client, urql) then checks both. Pay spreads
 * the card view's CardPayableNow fragment, so its document carries the card view's fragment
 * definitions too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@apollo/client';
import type { CardViewQuery, CardViewQueryVariables, PayMutation, PayMutationVariables } from '../generated/operations';

const read = (file: string): DocumentNode => parse(readFileSync(path.join(__dirname, '../operations', file), 'utf8'));

const cardView = read('card-view.graphql');
const cardViewFragments = cardView.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);

export const CardView = cardView as TypedDocumentNode<CardViewQuery, CardViewQueryVariables>;
const pay = read('pay.graphql');
export const Pay = { ...pay, definitions: [...pay.definitions, ...cardViewFragments] } as TypedDocumentNode<
  PayMutation,
  PayMutationVariables
>;
