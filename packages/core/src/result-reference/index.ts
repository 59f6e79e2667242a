export type { InvalidPath, ResolvePath } from './resolve-path.js'
export type {
  AnyResultReferenceArgument,
  ResultReferenceArgument,
} from './result-reference-argument.js'
