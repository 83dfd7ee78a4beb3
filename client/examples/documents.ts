/**
 * The example operations as typed documents: the text of client/operations/*.graphql with the
 * result and variable types `npm run client:codegen` wrote to client/generated/operations.ts.
 * Any client that takes a TypedDocumentNode (Apollo Client, urql) then checks both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@apollo/client';
import type { CardViewQuery, CardViewQueryVariables, PayMutation, PayMutationVariables } from '../generated/operations';

function operation<Result, Variables>(file: string): TypedDocumentNode<Result, Variables> {
  return parse(readFileSync(path.join(__dirname, '../operations', file), 'utf8')) as TypedDocumentNode<Result, Variables>;
}

export const CardView = operation<CardViewQuery, CardViewQueryVariables>('card-view.graphql');
export const Pay = operation<PayMutation, PayMutationVariables>('pay.graphql');
