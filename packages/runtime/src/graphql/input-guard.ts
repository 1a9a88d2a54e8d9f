import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

import { badInput } from '../result/result.js';
import { type InputProblem, listProblem, ruleFor, storedDateProblem, textProblem } from './input-rules.js';

/**
 * Puts the input rules (`input-rules.ts`) in front of every field that takes arguments, in every
 * subgraph: a NUL byte, a control character, a 100 KB text or a 10,000-item list never reaches a
 * service or PostgreSQL. The arguments are checked as graphql-js coerced them, so literals and
 * variables alike. A mutation whose payload has `userErrors` answers the first problem there (the
 * payload's other required fields empty); any other field refuses with BAD_USER_INPUT.
 */
export function guardInputs(schema: GraphQLSchema): void {
  const mutationType = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Federation's own entry point: its representations are keys the gateway took from our answers.
      if (!field.args.length || field.name === '_entities') continue;
      const storesDates = type === mutationType;
      const refuse = type === mutationType ? payloadRefusal(field) : null;
      const check = (args: Record<string, unknown>) => argumentProblem(type, field, args, storesDates);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const problem = check(args);
        if (!problem) return resolve(source, args, context, info);
        if (refuse) return refuse(problem);
        throw badUserInput(problem);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, context, info) => {
          const problem = check(args);
          if (problem) throw badUserInput(problem);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
}

/** The error a field without userErrors answers. */
function badUserInput(problem: InputProblem): GraphQLError {
  return badInput(problem.message, problem.field, problem.code);
}

function argumentProblem(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  storesDates: boolean,
): InputProblem | null {
  for (const arg of field.args) {
    const problem = valueProblem({
      value: args[arg.name],
      type: arg.type,
      coordinate: `${type.name}.${field.name}(${arg.name}:)`,
      name: arg.name,
      path: [arg.name],
      storesDates,
    });
    if (problem) return problem;
  }
  return null;
}

interface ValueAt {
  value: unknown;
  type: GraphQLInputType;
  coordinate: string;
  name: string;
  path: string[];
  storesDates: boolean;
}

function valueProblem(at: ValueAt): InputProblem | null {
  const { value, coordinate, name, path } = at;
  if (value === null || value === undefined) return null;
  const type = getNullableType(at.type) as GraphQLInputType;
  if (isListType(type)) {
    if (!Array.isArray(value)) return valueProblem({ ...at, type: type.ofType });
    const rule = ruleFor(coordinate, name, false);
    const tooMany = listProblem({ length: value.length, rule, field: path });
    if (tooMany) return tooMany;
    for (let i = 0; i < value.length; i++) {
      const problem = valueProblem({ ...at, value: value[i], type: type.ofType, path: [...path, String(i)] });
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    for (const inner of Object.values(type.getFields())) {
      const problem = valueProblem({
        value: (value as Record<string, unknown>)[inner.name],
        type: inner.type,
        coordinate: `${type.name}.${inner.name}`,
        name: inner.name,
        path: [...path, inner.name],
        storesDates: at.storesDates,
      });
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string') {
    const isId = isScalarType(type) && type.name === 'ID';
    return textProblem({ value, rule: ruleFor(coordinate, name, isId), field: path });
  }
  if (value instanceof Date && at.storesDates) return storedDateProblem({ value, field: path });
  return null;
}

/**
 * How a mutation answers a problem in its payload's `userErrors`, or null when its payload has none or
 * requires a field that has no empty value (an object).
 */
function payloadRefusal(field: GraphQLField<unknown, unknown>): ((problem: InputProblem) => unknown) | null {
  const payload = getNamedType(field.type);
  if (!isObjectType(payload) || !payload.getFields().userErrors) return null;
  const empty: Record<string, unknown> = {};
  for (const inner of Object.values(payload.getFields())) {
    if (inner.name === 'userErrors' || !isNonNullType(inner.type)) continue;
    const value = emptyValue(inner.type);
    if (value === undefined) return null;
    empty[inner.name] = value;
  }
  return (problem) => ({ ...empty, userErrors: [{ code: problem.code, message: problem.message, field: problem.field }] });
}

function emptyValue(type: GraphQLOutputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isScalarType(inner)) {
    if (inner.name === 'Boolean') return false;
    if (inner.name === 'Int' || inner.name === 'Float') return 0;
  }
  return undefined;
}
